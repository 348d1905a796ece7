using Serverless.Shared.Domain;

namespace Serverless.Shared.Storage;

/// <summary>
/// Offices, officers, employers, inspection items and draw plans in Azure Table storage, partitioned by
/// office. Every write method validates all rows first and writes nothing when one is invalid.
/// </summary>
public interface IRegistryStore
{
    Task UpsertOfficesAsync(IReadOnlyCollection<Office> offices, CancellationToken cancellationToken = default);

    Task<Office?> GetOfficeAsync(string officeCode, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Office>> ListOfficesAsync(CancellationToken cancellationToken = default);

    Task UpsertOfficersAsync(IReadOnlyCollection<Officer> officers, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Officer>> ListOfficersAsync(string officeCode, CancellationToken cancellationToken = default);

    /// <summary>Reads one officer of an office's roster, or returns null when the roster has no such officer.</summary>
    Task<Officer?> GetOfficerAsync(string officeCode, string officerId, CancellationToken cancellationToken = default);

    Task UpsertEmployersAsync(IReadOnlyCollection<Employer> employers, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Employer>> ListEmployersAsync(string officeCode, CancellationToken cancellationToken = default);

    /// <summary>Sets the date of the last random inspection of the given employers of one office.</summary>
    Task SetLastInspectedAsync(
        string officeCode, IReadOnlyCollection<string> creditCodes, DateOnly inspectedOn, CancellationToken cancellationToken = default);

    Task UpsertItemsAsync(IReadOnlyCollection<InspectionItem> items, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<InspectionItem>> ListItemsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists every stored version of every item, by code then version. Storing an item again with the same
    /// version replaces that version's row.
    /// </summary>
    Task<IReadOnlyList<InspectionItem>> ListItemVersionsAsync(CancellationToken cancellationToken = default);

    Task UpsertPlanAsync(DrawPlan plan, CancellationToken cancellationToken = default);

    Task<DrawPlan?> GetPlanAsync(string planId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DrawPlan>> ListPlansAsync(CancellationToken cancellationToken = default);
}
