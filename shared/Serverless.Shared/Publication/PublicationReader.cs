using Serverless.Shared.Domain;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Publication;

/// <summary>
/// Builds the public read models from the registries, the published records and the seed commitments.
/// Officers appear with name and certificate number only; no read model carries email or phone.
/// </summary>
public sealed class PublicationReader(
    IRegistryStore registry, IRecordStore records, ICommitmentStore commitments, TimeProvider clock)
{
    /// <summary>Folder of the draw summaries.</summary>
    public const string SummariesPrefix = "summaries/";

    /// <summary>
    /// Returns the item list, with the office's name when <paramref name="officeCode"/> is given, or null when
    /// no such office is stored.
    /// </summary>
    public async Task<PublicItemList?> GetItemsAsync(string? officeCode, CancellationToken cancellationToken = default)
    {
        Office? office = null;
        if (!string.IsNullOrEmpty(officeCode))
        {
            office = await registry.GetOfficeAsync(officeCode, cancellationToken).ConfigureAwait(false);
            if (office is null)
            {
                return null;
            }
        }

        // NOTE: the item store holds one province-wide list, so a city's additions are the items of that list;
        // earlier versions are not kept, so the history shows the versions of the items now in force.
        var items = (await registry.ListItemsAsync(cancellationToken).ConfigureAwait(false))
            .OrderBy(item => item.Code, StringComparer.Ordinal)
            .ToList();
        var versions = items
            .GroupBy(item => item.Version)
            .OrderBy(group => group.Key)
            .Select(group => new ItemListVersion(group.Key, group.Count()))
            .ToList();
        return new PublicItemList(office?.Code, office?.Name, items, versions);
    }

    /// <summary>Lists every draw that has a summary, newest first.</summary>
    public async Task<IReadOnlyList<PublicDrawListing>> ListDrawsAsync(CancellationToken cancellationToken = default)
    {
        var plans = await PlanNamesAsync(cancellationToken).ConfigureAwait(false);
        var listings = new List<PublicDrawListing>();
        foreach (var path in await records.ListAsync(SummariesPrefix, cancellationToken).ConfigureAwait(false))
        {
            var summary = await ReadSummaryAsync(path, cancellationToken).ConfigureAwait(false);
            if (summary is not null)
            {
                listings.Add(Listing(summary, plans));
            }
        }

        return listings.OrderByDescending(listing => listing.Slot).ThenBy(l => l.DrawId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Returns one draw with its offices, or null when it has no summary.</summary>
    public async Task<PublicDraw?> GetDrawAsync(string drawId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(drawId);
        var summary = await ReadSummaryAsync(DrawPaths.Summary(drawId), cancellationToken).ConfigureAwait(false);
        if (summary is null)
        {
            return null;
        }

        var plans = await PlanNamesAsync(cancellationToken).ConfigureAwait(false);
        var offices = await OfficeNamesAsync(cancellationToken).ConfigureAwait(false);
        var lines = summary.OfficeResults
            .OrderBy(office => office.OfficeCode, StringComparer.Ordinal)
            .Select(office => new PublicDrawOffice(
                office.OfficeCode,
                offices.GetValueOrDefault(office.OfficeCode, office.OfficeCode),
                office.Outcome,
                office.PoolSize,
                office.Targets,
                office.RecordPath))
            .ToList();
        return new PublicDraw(Listing(summary, plans), lines);
    }

    /// <summary>Returns one office's draw with names added, or null when no record exists.</summary>
    public async Task<PublicOfficeDraw?> GetOfficeDrawAsync(
        string drawId, string officeCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(drawId);
        ArgumentException.ThrowIfNullOrEmpty(officeCode);
        var bytes = await records.ReadAsync(DrawPaths.OfficeRecord(drawId, officeCode), cancellationToken)
            .ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        var record = RecordJson.Deserialize<OfficeDrawRecord>(bytes);
        var items = (await registry.ListItemsAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(item => item.Code, StringComparer.Ordinal);
        var employers = (await registry.ListEmployersAsync(officeCode, cancellationToken).ConfigureAwait(false))
            .ToDictionary(employer => employer.CreditCode, employer => employer.Name, StringComparer.Ordinal);
        var officers = (await registry.ListOfficersAsync(officeCode, cancellationToken).ConfigureAwait(false))
            .ToDictionary(officer => officer.OfficerId, StringComparer.Ordinal);

        var publicItems = record.ItemCodes
            .Select(code => new PublicItem(code, items.TryGetValue(code, out var item) ? item.Content : ""))
            .ToList();

        // TODO: fill Result from the inspection result store once one exists; until then every result is null.
        var targets = record.Selected
            .Select(target => new PublicTarget(
                target.Selection,
                target.Stratum,
                target.PoolLine,
                target.CreditCode,
                employers.GetValueOrDefault(target.CreditCode, ""),
                target.Team.Select(member => ToPublic(member.OfficerId, member.IsLeader, officers)).ToList(),
                null))
            .ToList();
        return new PublicOfficeDraw(record, publicItems, targets, ResultsEntered: false);
    }

    /// <summary>Lists the commitments of every plan whose slot is still ahead, soonest first.</summary>
    public async Task<IReadOnlyList<PublicCommitment>> ListUpcomingCommitmentsAsync(
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var offices = await OfficeNamesAsync(cancellationToken).ConfigureAwait(false);
        var upcoming = new List<PublicCommitment>();
        foreach (var plan in await registry.ListPlansAsync(cancellationToken).ConfigureAwait(false))
        {
            var stored = await commitments.ListAsync(plan.PlanId, cancellationToken).ConfigureAwait(false);
            upcoming.AddRange(stored
                .Where(commitment => commitment.Slot > now)
                .Select(commitment => new PublicCommitment(
                    commitment.PlanId,
                    plan.Name,
                    commitment.Slot,
                    commitment.SeedSha256,
                    commitment.CommittedAt,
                    commitment.PoolSha256ByOffice
                        .OrderBy(pool => pool.Key, StringComparer.Ordinal)
                        .Select(pool => new PublicPoolHash(pool.Key, offices.GetValueOrDefault(pool.Key, pool.Key), pool.Value))
                        .ToList())));
        }

        return upcoming.OrderBy(c => c.Slot).ThenBy(c => c.PlanId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Returns office names by code.</summary>
    public async Task<IReadOnlyDictionary<string, string>> OfficeNamesAsync(CancellationToken cancellationToken = default) =>
        (await registry.ListOfficesAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(office => office.Code, office => office.Name, StringComparer.Ordinal);

    private static PublicOfficer ToPublic(string officerId, bool isLeader, Dictionary<string, Officer> officers) =>
        officers.TryGetValue(officerId, out var officer)
            ? new PublicOfficer(officer.Name, officer.CertificateNumber, isLeader)
            : new PublicOfficer("", "", isLeader);

    private static PublicDrawListing Listing(DrawSummary summary, Dictionary<string, string> plans) => new(
        summary.DrawId,
        summary.PlanId,
        plans.GetValueOrDefault(summary.PlanId, summary.PlanId),
        summary.Slot,
        ChinaTime.DateOf(summary.Slot),
        summary.OfficesDrawn,
        summary.Targets,
        summary.SummaryPath);

    private async Task<Dictionary<string, string>> PlanNamesAsync(CancellationToken cancellationToken) =>
        (await registry.ListPlansAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(plan => plan.PlanId, plan => plan.Name, StringComparer.Ordinal);

    private async Task<DrawSummary?> ReadSummaryAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await records.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : RecordJson.Deserialize<DrawSummary>(bytes);
    }
}
