using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Http.Campaigns;
using Serverless.Http.Registry;
using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;
using Serverless.Shared.Records;
using Serverless.Shared.Registry;
using Serverless.Shared.Storage;
using Serverless.Workflows.Milestones;

namespace Serverless.Http.Inspections;

/// <summary>
/// Handler of <c>POST /api/draws/{drawId}/results</c> for both hosts: stores the result of inspecting a drawn
/// employer and starts the milestone that follows its publication.
/// </summary>
public sealed class InspectionResultHandlers(
    RegistryAccess access,
    IRegistryStore registry,
    IRecordStore records,
    IInspectionResultStore results,
    MilestoneSetStore sets,
    MilestoneInstances instances,
    TimeProvider time)
{
    /// <summary>Longest accepted findings text, in characters.</summary>
    public const int MaxFindingsLength = 4000;

    /// <summary>
    /// Stores the result and responds 201 when it is new, or 200 when it repeats or replaces an earlier one. A caller
    /// whose office is not the inspecting office or above it gets 403. An unknown draw, or an employer that the
    /// draw did not select for that office, gets 404. Invalid fields, and an inspection date before the draw or
    /// after today in China Standard Time, get 400 naming the field and the value. An employer missing from the
    /// registry gets 422 and stores nothing. A publication deadline that reaches a year the working-day calendar
    /// does not cover yet is marked pending in the response, and starts, counted from the first entry's day, when
    /// that year is loaded.
    /// </summary>
    public async Task EnterAsync(HttpContext context, DurableTaskClient client, string drawId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(client);
        var caller = await access.ResolveAsync(context);
        if (caller is null)
        {
            return;
        }

        ParsedResult parsed;
        try
        {
            parsed = Parse(drawId, await CampaignHandlers.ReadAsync<InspectionResultBody>(context));
        }
        catch (ValidationException invalid)
        {
            await HttpProblems.InvalidAsync(context, invalid);
            return;
        }

        if (!await access.AllowsAsync(context, caller, parsed.OfficeCode))
        {
            return;
        }

        var bytes = await records.ReadAsync(DrawPaths.OfficeRecord(drawId, parsed.OfficeCode), context.RequestAborted);
        if (bytes is null)
        {
            await HttpProblems.WriteAsync(
                context, 404, "Draw record not found", $"Draw '{drawId}' has no record for office {parsed.OfficeCode}.");
            return;
        }

        var record = RecordJson.Deserialize<OfficeDrawRecord>(bytes);
        if (!record.Selected.Any(target => target.CreditCode == parsed.CreditCode))
        {
            await HttpProblems.WriteAsync(
                context, 404, "Target not drawn",
                $"Draw '{drawId}' did not select employer {parsed.CreditCode} for office {parsed.OfficeCode}.");
            return;
        }

        var now = time.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        try
        {
            RequireInspectionDate(parsed.InspectedOn, record.DrawnOn, today);
        }
        catch (ValidationException invalid)
        {
            await HttpProblems.InvalidAsync(context, invalid);
            return;
        }

        var employer = (await registry.ListEmployersAsync(parsed.OfficeCode, context.RequestAborted))
            .FirstOrDefault(row => row.CreditCode == parsed.CreditCode);
        if (employer is null)
        {
            await HttpProblems.WriteAsync(
                context, 422, "Employer not in registry",
                $"Employer {parsed.CreditCode} is missing from the registry of office {parsed.OfficeCode}, so its " +
                "name cannot be published. Restore the employer row, then enter the result again.");
            return;
        }

        var result = new InspectionResult(
            drawId, parsed.OfficeCode, parsed.CreditCode, employer.Name, parsed.InspectedOn, parsed.Outcome,
            parsed.Findings);
        var plan = await PlanPublicationAsync(result, context.RequestAborted);
        // The store reports the result that this write replaced, also when another entry of the same result
        // was written at the same moment, so the response describes this request's own write.
        var earlier = await results.PutAsync(result, context.RequestAborted);
        var change = "created";
        if (earlier is not null)
        {
            change = earlier == result ? "unchanged" : "replaced";
        }

        // NOTE: two concurrent first entries of one result can both find no instance and both start it. The start
        // carries dedupe statuses, so a second start that the backend rejects is reported as not started, but
        // whether the backend detects this race is untested. Pending deadlines are claimed first, so they start once.
        var publication = plan is null
            ? null
            : await StartPublicationAsync(client, plan, today, now, context.RequestAborted);
        await HttpProblems.JsonAsync(
            context,
            earlier is null ? StatusCodes.Status201Created : StatusCodes.Status200OK,
            new InspectionResultResponse(result, change, publication));
    }

    /// <summary>
    /// Finds the result-publication milestone in the latest stored version of the default set (storing version 1
    /// when none is stored). Returns null when the set has no such milestone or the office is outside its scope.
    /// </summary>
    private async Task<PublicationPlan?> PlanPublicationAsync(
        InspectionResult result, CancellationToken cancellationToken)
    {
        var set = await sets.GetAsync(GuangdongMilestones.SetId, null, cancellationToken);
        if (set is null)
        {
            set = GuangdongMilestones.Default;
            await sets.TryAddAsync(set, cancellationToken);
        }

        var milestone = set.Milestones.FirstOrDefault(m => m.MilestoneId == GuangdongMilestones.ResultPublication);
        var office = await registry.GetOfficeAsync(result.OfficeCode, cancellationToken);
        if (milestone is null || office is null || !milestone.Scope.Includes(office))
        {
            return null;
        }

        return new PublicationPlan(
            set, milestone, result.OfficeCode, InspectionResult.SubjectId(result.DrawId, result.CreditCode));
    }

    /// <summary>
    /// Starts the planned instance counted from <paramref name="today"/> unless it exists or its start is pending,
    /// and returns its id, due date or pending state.
    /// </summary>
    private async Task<ResultPublication> StartPublicationAsync(
        DurableTaskClient client,
        PublicationPlan plan,
        DateOnly today,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var filingKey = MilestonePaths.FilingKey(plan.Milestone.MilestoneId, plan.SubjectId);

        // Plan time starts at this request's clock, so the instance counts from the same day as the start date.
        var start = await instances.StartOrDeferAsync(
            client, plan.Set, plan.Milestone, plan.OfficeCode, plan.SubjectId, today, new MilestoneClock(now),
            cancellationToken);
        switch (start.Outcome)
        {
            case MilestoneStartOutcome.Started:
                return new ResultPublication(
                    start.InstanceId, filingKey, true, start.DueDate, StartDate: start.StartDate);
            case MilestoneStartOutcome.Deferred:
                var startDate = start.StartDate ?? today;
                return new ResultPublication(
                    start.InstanceId, filingKey, false, null, true, startDate, start.MissingYear,
                    PendingDetail(startDate, start.MissingYear ?? 0));
            default:
                if (start.DueDate is not null)
                {
                    return new ResultPublication(
                        start.InstanceId, filingKey, false, start.DueDate, StartDate: start.StartDate);
                }

                // The instance was started by the first entry of this result, so its due date counts from that day.
                var existing = await client.GetInstanceAsync(
                    start.InstanceId, getInputsAndOutputs: true, cancellationToken);
                var request = existing?.ReadInputAs<MilestoneRequest>();
                return new ResultPublication(start.InstanceId, filingKey, false, request?.Dates.DueDate);
        }
    }

    private static string PendingDetail(DateOnly startDate, int missingYear)
    {
        var day = startDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var year = missingYear.ToString(CultureInfo.InvariantCulture);
        return $"The publication deadline counts from {day} and reaches {year}, which the working-day calendar does " +
            $"not cover yet. It starts, still counted from {day}, when the {year} holiday arrangement is loaded " +
            $"(calendar load, or PUT /api/calendar/{year}).";
    }

    private static ParsedResult Parse(string drawId, InspectionResultBody body)
    {
        var officeCode = Required("officeCode", body.OfficeCode);
        if (officeCode.Length != 6 || !officeCode.All(char.IsAsciiDigit))
        {
            throw new ValidationException("officeCode", officeCode, "is not a six-digit GB/T 2260 division code");
        }

        var creditCode = Required("creditCode", body.CreditCode);
        if (CreditCode.Validate(creditCode) is { } reason)
        {
            throw new ValidationException("creditCode", creditCode, reason);
        }

        // Checks the draw id's characters, because it names a blob folder and the milestone's instance id.
        InspectionResult.SubjectId(drawId, creditCode);
        var inspectedText = Required("inspectedOn", body.InspectedOn);
        if (!DateOnly.TryParseExact(
                inspectedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var inspectedOn))
        {
            throw new ValidationException("inspectedOn", inspectedText, "is not a date in the form yyyy-MM-dd");
        }

        var outcomeText = Required("outcome", body.Outcome);
        if (!Enum.GetNames<InspectionOutcome>().Contains(outcomeText, StringComparer.Ordinal))
        {
            throw new ValidationException(
                "outcome", outcomeText, $"must be one of {string.Join(", ", Enum.GetNames<InspectionOutcome>())}");
        }

        var outcome = Enum.Parse<InspectionOutcome>(outcomeText);
        var findings = body.Findings?.Trim() ?? "";
        if (findings.Length == 0 && outcome is InspectionOutcome.RectificationOrdered or InspectionOutcome.CaseOpened)
        {
            throw new ValidationException("findings", body.Findings, $"is missing; an outcome of {outcome} needs findings");
        }

        if (findings.Length > MaxFindingsLength)
        {
            throw new ValidationException(
                "findings", $"{findings.Length} characters", $"is longer than {MaxFindingsLength} characters");
        }

        return new ParsedResult(officeCode, creditCode, inspectedOn, outcome, findings);
    }

    private static void RequireInspectionDate(DateOnly inspectedOn, DateOnly drawnOn, DateOnly today)
    {
        var text = inspectedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (inspectedOn < drawnOn)
        {
            throw new ValidationException(
                "inspectedOn", text, $"is before the draw on {drawnOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        if (inspectedOn > today)
        {
            throw new ValidationException(
                "inspectedOn", text,
                $"is in the future; today is {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} in China");
        }
    }

    private static string Required(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ValidationException(field, value, "is missing") : value.Trim();

    private sealed record PublicationPlan(
        MilestoneSet Set, MilestoneDefinition Milestone, string OfficeCode, string SubjectId);

    private sealed record ParsedResult(
        string OfficeCode, string CreditCode, DateOnly InspectedOn, InspectionOutcome Outcome, string Findings);
}
