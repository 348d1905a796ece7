using Microsoft.AspNetCore.Http;
using Serverless.Http.Campaigns;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Workflows.Campaigns;

namespace Serverless.Http.Recusals;

/// <summary>Handler of <c>POST /api/draws/{drawId}/recusals</c> for both hosts.</summary>
public sealed class RecusalHandlers(CallerAccess access, RecusalService recusals)
{
    /// <summary>
    /// Records a recusal and its replacement, and answers 201 with the recusal. An unknown draw or office record
    /// gets 404. A caller whose office is not the same as or above the drawing office gets 403. An officer who is
    /// not on the team, or a target that cannot be restaffed, gets 422.
    /// </summary>
    public async Task RecordAsync(HttpContext context, string drawId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = await access.ResolveAsync(context);
        if (caller is null)
        {
            return;
        }

        RecusalRequest request;
        try
        {
            var body = await CampaignHandlers.ReadAsync<RecusalBody>(context);
            request = new RecusalRequest(
                drawId,
                Required("officeCode", body.OfficeCode),
                Required("creditCode", body.CreditCode),
                Required("officerId", body.OfficerId),
                body.Kind switch
                {
                    "conflict" => RecusalKind.Conflict,
                    "unavailable" => RecusalKind.Unavailable,
                    _ => throw new ValidationException("kind", body.Kind, "must be \"conflict\" or \"unavailable\""),
                },
                Required("reason", body.Reason),
                Required("approvedBy", body.ApprovedBy),
                caller.PrincipalId);
        }
        catch (ValidationException invalid)
        {
            await HttpProblems.InvalidAsync(context, invalid);
            return;
        }

        var record = await recusals.ReadRecordAsync(drawId, request.OfficeCode, context.RequestAborted);
        if (record is null)
        {
            await HttpProblems.WriteAsync(
                context, 404, "Draw record not found", $"Draw '{drawId}' has no record for office {request.OfficeCode}.");
            return;
        }

        if (!await access.AllowsAsync(context, caller, [record.OfficeCode]))
        {
            return;
        }

        try
        {
            var (recusal, team, notices) = await recusals.RecordAsync(record, request, context.RequestAborted);
            await HttpProblems.JsonAsync(context, StatusCodes.Status201Created, new RecusalAnswer(
                recusal.Number, recusal.CreditCode, recusal.OfficerId, recusal.ReplacementOfficerId, recusal.Index,
                team.Single(m => m.IsLeader).OfficerId, [.. team.Select(m => m.OfficerId)],
                notices.Count(n => n == Workflows.Orchestrations.NoticeOutcome.Sent), recusal.DepartmentCode));
        }
        catch (CampaignRejectedException rejected)
        {
            await HttpProblems.WriteAsync(context, 422, "Recusal cannot be carried out", rejected.Message);
        }
    }

    private static string Required(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ValidationException(field, value, "is missing") : value.Trim();
}

/// <summary>Answer of a recorded recusal.</summary>
/// <param name="Number">Number of the recusal within the draw.</param>
/// <param name="CreditCode">Target employer.</param>
/// <param name="OfficerId">Officer who left the team.</param>
/// <param name="ReplacementOfficerId">Officer drawn in replacement.</param>
/// <param name="Index">RFC 3797 index of the replacement.</param>
/// <param name="LeaderOfficerId">Team leader after the replacement.</param>
/// <param name="Team">Team after the replacement, leader first, then any participating departments' members.</param>
/// <param name="NoticesSent">Notices this request sent (2 unless sent before).</param>
/// <param name="DepartmentCode">Participating department whose roster gave the replacement, or null for the lead's.</param>
public sealed record RecusalAnswer(
    int Number,
    string CreditCode,
    string OfficerId,
    string ReplacementOfficerId,
    int Index,
    string LeaderOfficerId,
    IReadOnlyList<string> Team,
    int NoticesSent,
    string? DepartmentCode);
