using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;
using Serverless.Shared.Storage;

namespace Serverless.Workflows.Milestones;

/// <summary>Reads from the registries and blobs whether an office has met a milestone, and what is missing.</summary>
public sealed class MilestoneEvaluator(IRegistryStore registry, IRecordStore records, FilingStore filings)
{
    private const string RecordFolder = "records/";

    /// <summary>
    /// Evaluates one milestone of one office against its due date. Filings are read under
    /// <paramref name="filingKey"/>, which defaults to the milestone id.
    /// </summary>
    public async Task<MilestoneProgress> EvaluateAsync(
        MilestoneSet set, MilestoneDefinition milestone, Office office, DateOnly dueDate, OfficeTree tree,
        string? filingKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(milestone);
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(tree);
        switch (milestone.Measure)
        {
            case CompletionMeasure.Roster:
                var officers = await registry.ListOfficersAsync(office.Code, cancellationToken);
                return CompletionRules.Roster(officers, set.Targets.RequiredOfficers(office), dueDate);
            case CompletionMeasure.Registry:
                var employers = 0;
                foreach (var code in OfficesAtOrBelow(tree, office.Code))
                {
                    var rows = await registry.ListEmployersAsync(code, cancellationToken);
                    employers += rows.Count(e => e.Status == EmployerStatus.Active);
                }

                return CompletionRules.Registry(employers, set.Targets.EmployerTarget(office));
            case CompletionMeasure.Filing:
                var filing = await filings.GetStateAsync(office.Code, filingKey ?? milestone.MilestoneId, cancellationToken);
                var reviewer = office.ParentCode is null ? null : tree.Find(office.ParentCode);
                return CompletionRules.Filing(filing, reviewer?.Name ?? "上一级单位");
            case CompletionMeasure.Publication:
                var published = await filings.GetStateAsync(office.Code, filingKey ?? milestone.MilestoneId, cancellationToken);
                return CompletionRules.Publication(published);
            case CompletionMeasure.Draws:
                // NOTE: lists every office record of every draw; fine for years of monthly draws, slow beyond that.
                var paths = await records.ListAsync(RecordFolder, cancellationToken);
                var suffix = $"/{office.Code}.json";
                return CompletionRules.Draws(paths.Count(p => p.EndsWith(suffix, StringComparison.Ordinal)));
            default:
                throw new ValidationException("measure", milestone.Measure.ToString(), "is not a known completion measure");
        }
    }

    private static List<string> OfficesAtOrBelow(OfficeTree tree, string code) =>
        [.. tree.Offices.Where(o => tree.IsSameOrBelow(o.Code, code)).Select(o => o.Code)];
}
