using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;
using Serverless.Shared.Registry;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Publication;

/// <summary>
/// Builds the public read models from the registries, the published records and the seed commitments.
/// Officers appear with name and certificate number only; no read model carries email or phone.
/// </summary>
public sealed class PublicationReader(
    IRegistryStore registry,
    IRecordStore records,
    ICommitmentStore commitments,
    TableInspectionResultStore results,
    IDepartmentStore departments,
    TimeProvider clock)
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

        var offices = await registry.ListOfficesAsync(cancellationToken).ConfigureAwait(false);
        var tree = new OfficeTree(offices);
        bool Applies(InspectionItem item) =>
            item.OfficeCode is null || office is null || tree.IsSameOrBelow(office.Code, item.OfficeCode);

        var items = (await registry.ListItemsAsync(cancellationToken).ConfigureAwait(false))
            .Where(Applies)
            .OrderBy(item => item.OfficeCode is null ? 0 : 1)
            .ThenBy(item => item.Code, StringComparer.Ordinal)
            .ToList();
        var listed = items.Select(item => item.Code).ToHashSet(StringComparer.Ordinal);
        var history = (await registry.ListItemVersionsAsync(cancellationToken).ConfigureAwait(false))
            .Where(version => listed.Contains(version.Code))
            .ToList();
        var versions = items
            .GroupBy(item => item.Version)
            .OrderBy(group => group.Key)
            .Select(group => new ItemListVersion(group.Key, group.Count()))
            .ToList();
        var names = offices.ToDictionary(o => o.Code, o => o.Name, StringComparer.Ordinal);
        var addedBy = items
            .Select(item => item.OfficeCode)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(code => code, code => names.GetValueOrDefault(code, code), StringComparer.Ordinal);
        return new PublicItemList(office?.Code, office?.Name, items, versions, history, addedBy);
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
                listings.Add(Listing(summary, await PlanNameAsync(summary, plans, cancellationToken).ConfigureAwait(false)));
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
        return new PublicDraw(
            Listing(summary, await PlanNameAsync(summary, plans, cancellationToken).ConfigureAwait(false)), lines);
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
        var entered = (await results.ListAsync(officeCode, cancellationToken).ConfigureAwait(false))
            .Where(result => result.DrawId == drawId)
            .ToDictionary(result => result.CreditCode, StringComparer.Ordinal);
        var current = await ApplyRecusalsAsync(record, cancellationToken).ConfigureAwait(false);
        var departmentMembers = await DepartmentMembersAsync(current, cancellationToken).ConfigureAwait(false);

        var targets = current.Selected
            .Select(target => new PublicTarget(
                target.Selection,
                target.Stratum,
                target.PoolLine,
                target.CreditCode,
                employers.GetValueOrDefault(target.CreditCode, ""),
                [
                    .. target.Team.Select(member => ToPublic(member.OfficerId, member.IsLeader, officers)),
                    .. departmentMembers.GetValueOrDefault(target.CreditCode) ?? [],
                ],
                entered.TryGetValue(target.CreditCode, out var result) ? ResultText(result) : null))
            .ToList();
        return new PublicOfficeDraw(record, publicItems, targets, ResultsEntered: entered.Count > 0);
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

    /// <summary>Returns the record with the draw's recusals applied in number order.</summary>
    private async Task<OfficeDrawRecord> ApplyRecusalsAsync(OfficeDrawRecord record, CancellationToken cancellationToken)
    {
        var recusals = new List<RecusalRecord>();
        foreach (var path in await records.ListAsync(RecusalPaths.Prefix(record.DrawId), cancellationToken).ConfigureAwait(false))
        {
            if (await records.ReadAsync(path, cancellationToken).ConfigureAwait(false) is { } bytes)
            {
                recusals.Add(RecordJson.Deserialize<RecusalRecord>(bytes));
            }
        }

        return RecusalApplier.Apply(record, recusals);
    }

    /// <summary>Returns the participating departments' members of each target of a joint campaign, by credit code.</summary>
    private async Task<Dictionary<string, List<PublicOfficer>>> DepartmentMembersAsync(
        OfficeDrawRecord record, CancellationToken cancellationToken)
    {
        var members = new Dictionary<string, List<PublicOfficer>>(StringComparer.Ordinal);
        foreach (var part in record.Joint?.Departments ?? [])
        {
            var department = await departments.GetAsync(part.Code, cancellationToken).ConfigureAwait(false);
            var officers = (department?.Officers ?? []).ToDictionary(o => o.OfficerId, StringComparer.Ordinal);
            foreach (var team in part.Teams)
            {
                if (!members.TryGetValue(team.CreditCode, out var list))
                {
                    list = [];
                    members[team.CreditCode] = list;
                }

                list.AddRange(team.Members.Select(m => ToPublic(m.OfficerId, false, officers) with { Department = part.Name }));
            }
        }

        return members;
    }

    private static string ResultText(InspectionResult result)
    {
        var outcome = result.Outcome switch
        {
            InspectionOutcome.Compliant => "未发现问题",
            InspectionOutcome.RectificationOrdered => "发现问题，已责令整改",
            InspectionOutcome.CaseOpened => "发现问题，已立案查处",
            InspectionOutcome.NotFound => "通过登记的住所无法联系",
            _ => result.Outcome.ToString(),
        };
        var date = result.InspectedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return string.IsNullOrWhiteSpace(result.Findings) ? $"{outcome}（{date}）" : $"{outcome}（{date}）：{result.Findings}";
    }

    private static PublicOfficer ToPublic(string officerId, bool isLeader, Dictionary<string, Officer> officers) =>
        officers.TryGetValue(officerId, out var officer)
            ? new PublicOfficer(officer.Name, officer.CertificateNumber, isLeader)
            : new PublicOfficer("", "", isLeader);

    /// <summary>
    /// Returns the plan's name, or for a campaign, which has no stored plan, the name its first record states.
    /// </summary>
    private async Task<string> PlanNameAsync(
        DrawSummary summary, Dictionary<string, string> plans, CancellationToken cancellationToken)
    {
        if (plans.TryGetValue(summary.PlanId, out var name))
        {
            return name;
        }

        var path = summary.OfficeResults.Select(o => o.RecordPath).OfType<string>().FirstOrDefault();
        var bytes = path is null ? null : await records.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        return bytes is null ? summary.PlanId : RecordJson.Deserialize<OfficeDrawRecord>(bytes).PlanName;
    }

    private static PublicDrawListing Listing(DrawSummary summary, string planName) => new(
        summary.DrawId,
        summary.PlanId,
        planName,
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
