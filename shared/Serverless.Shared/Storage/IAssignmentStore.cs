namespace Serverless.Shared.Storage;

/// <summary>
/// Assignments as table rows, kept twice: by officer (partition = officer id) and by employer
/// (partition = credit code), so both queries read one partition.
/// </summary>
public interface IAssignmentStore
{
    /// <summary>Upserts assignments; writing the same assignment again changes nothing.</summary>
    Task UpsertAsync(IReadOnlyCollection<Assignment> assignments, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an officer's assignment to one target of a draw from both tables, for an officer who left the team.
    /// Deleting an assignment that does not exist changes nothing. The employer's previous team is not changed here.
    /// </summary>
    Task RemoveAsync(string drawId, string officerId, string creditCode, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Assignment>> ListByOfficerAsync(string officerId, string? drawId = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Assignment>> ListByEmployerAsync(string creditCode, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns, for each employer of one office that has been drawn before, the officer ids of its most
    /// recent team, read from one partition per office.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPreviousTeamsAsync(
        string officeCode, CancellationToken cancellationToken = default);
}
