using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;
using Serverless.Shared.Storage;
using Serverless.Workflows.Milestones;

namespace Serverless.Http.Milestones;

/// <summary>Builds the milestone states of the offices below a superior office, from the data.</summary>
public sealed class MilestoneStatusQuery(MilestoneSetStore sets, IRegistryStore registry, MilestoneEvaluator evaluator)
{
    /// <summary>Days before the due date from which an unmet milestone is due soon.</summary>
    public const int DueSoonDays = 7;

    /// <summary>
    /// Returns the report of every office below <paramref name="officeCode"/> on <paramref name="asOf"/>, for the
    /// fixed-date milestones of the latest version of a set. Returns null when no version of the set is stored.
    /// </summary>
    /// <exception cref="ValidationException">The office code is unknown.</exception>
    public async Task<MilestoneStatusReport?> GetAsync(
        string officeCode, string setId, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var set = await sets.GetAsync(setId, null, cancellationToken);
        if (set is null)
        {
            return null;
        }

        var tree = new OfficeTree(await registry.ListOfficesAsync(cancellationToken));
        var superior = tree.Get(officeCode, "office");
        var subordinates = tree.Offices
            .Where(o => o.Code != superior.Code && tree.IsSameOrBelow(o.Code, superior.Code))
            .OrderBy(o => o.Code, StringComparer.Ordinal)
            .ToList();
        var rows = new List<MilestoneStatusRow>();
        foreach (var office in subordinates)
        {
            foreach (var milestone in set.Milestones.Where(m => m.DueDate is not null && m.Scope.Includes(office)))
            {
                var due = milestone.DueDate!.Value;
                var progress = await evaluator.EvaluateAsync(set, milestone, office, due, tree, null, cancellationToken);
                var (state, late) = StateOf(progress.Done, due, asOf);
                var reviewer = milestone.Measure == CompletionMeasure.Filing ? office.ParentCode : null;
                rows.Add(new MilestoneStatusRow(
                    office.Code, office.Name, milestone.MilestoneId, milestone.Name, due, state, late, reviewer, progress.Missing));
            }
        }

        return new MilestoneStatusReport(superior.Code, set.SetId, set.Version, asOf, rows);
    }

    /// <summary>Returns the state and the days late of a milestone on a date.</summary>
    public static (MilestoneState State, int DaysLate) StateOf(bool done, DateOnly dueDate, DateOnly asOf)
    {
        if (done)
        {
            return (MilestoneState.Done, 0);
        }

        var left = dueDate.DayNumber - asOf.DayNumber;
        return left switch
        {
            < 0 => (MilestoneState.Overdue, -left),
            <= DueSoonDays => (MilestoneState.DueSoon, 0),
            _ => (MilestoneState.OnTrack, 0),
        };
    }
}
