using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;
using Serverless.Workflows.Campaigns;

namespace Serverless.Http.Campaigns;

/// <summary>
/// Handlers of <c>/api/campaigns</c> for both hosts. Each takes the request's context, writes the whole
/// response, and reports errors as RFC 7807 problem details.
/// </summary>
public sealed class CampaignHandlers(
    CallerAccess access, ICampaignStore campaigns, CampaignStarter starter, CampaignCanceller canceller, TimeProvider time)
{
    /// <summary>Header whose value maps to one campaign per calling office.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Largest accepted JSON body of a campaign, cancellation or recusal request, in bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Route of a campaign's status.</summary>
    public static string Location(string campaignId) => $"/api/campaigns/{campaignId}";

    /// <summary><c>POST /api/campaigns</c>: validates, checks the caller's reach, then accepts with 202 and a Location.</summary>
    public async Task StartAsync(HttpContext context, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(client);
        var caller = await access.ResolveAsync(context);
        if (caller is null)
        {
            return;
        }

        Campaign campaign;
        string requestSha256;
        try
        {
            var campaignId = CampaignRequestParser.CampaignId(caller.OfficeCode, context.Request.Headers[IdempotencyHeader]);
            var body = await ReadAsync<CampaignRequestBody>(context);
            campaign = CampaignRequestParser.Parse(body, caller, campaignId, time.GetUtcNow());
            requestSha256 = CampaignRequestParser.RequestSha256(body);
        }
        catch (ValidationException invalid)
        {
            await HttpProblems.InvalidAsync(context, invalid);
            return;
        }

        if (!await access.AllowsAsync(context, caller, campaign.OfficeCodes))
        {
            return;
        }

        CampaignStart start;
        try
        {
            start = await starter.StartAsync(client, campaign, requestSha256, context.RequestAborted);
        }
        catch (ValidationException invalid)
        {
            await HttpProblems.InvalidAsync(context, invalid);
            return;
        }
        catch (CampaignRejectedException rejected)
        {
            await HttpProblems.WriteAsync(context, 422, "Campaign cannot be carried out", rejected.Message);
            return;
        }

        if (start.Outcome == CampaignStartOutcome.KeyReused)
        {
            await HttpProblems.WriteAsync(
                context, 422, "Idempotency-Key reused",
                $"Key '{context.Request.Headers[IdempotencyHeader]}' belongs to campaign {start.Campaign.CampaignId}, " +
                "created by a different request. Send a new key for a new campaign.");
            return;
        }

        context.Response.Headers.Location = Location(start.Campaign.CampaignId);
        await HttpProblems.JsonAsync(context, StatusCodes.Status202Accepted, new CampaignAccepted(
            start.Campaign.CampaignId, start.Outcome == CampaignStartOutcome.Started, Location(start.Campaign.CampaignId)));
    }

    /// <summary><c>GET /api/campaigns/{id}</c>: status, and once done the summary and the record paths.</summary>
    public async Task GetAsync(HttpContext context, DurableTaskClient client, string campaignId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.ResolveAsync(context) is null)
        {
            return;
        }

        var status = await CampaignStatusQuery.GetAsync(client, campaigns, campaignId, context.RequestAborted);
        if (status is null)
        {
            await HttpProblems.WriteAsync(context, 404, "Campaign not found", $"No campaign has id '{campaignId}'.");
            return;
        }

        await HttpProblems.JsonAsync(context, StatusCodes.Status200OK, status);
    }

    /// <summary><c>POST /api/campaigns/{id}/cancel</c>: records the reason, stops the draw, notifies notified officers.</summary>
    public async Task CancelAsync(HttpContext context, DurableTaskClient client, string campaignId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = await access.ResolveAsync(context);
        if (caller is null)
        {
            return;
        }

        var stored = await campaigns.GetAsync(campaignId, context.RequestAborted);
        if (stored is null)
        {
            await HttpProblems.WriteAsync(context, 404, "Campaign not found", $"No campaign has id '{campaignId}'.");
            return;
        }

        string reason;
        try
        {
            var body = await ReadAsync<CancelBody>(context);
            reason = string.IsNullOrWhiteSpace(body.Reason)
                ? throw new ValidationException("reason", body.Reason, "is missing; say why the campaign stops")
                : body.Reason.Trim();
        }
        catch (ValidationException invalid)
        {
            await HttpProblems.InvalidAsync(context, invalid);
            return;
        }

        if (!await access.AllowsAsync(context, caller, stored.Campaign.OfficeCodes))
        {
            return;
        }

        var result = await canceller.CancelAsync(client, campaignId, reason, caller.PrincipalId, context.RequestAborted);
        await HttpProblems.JsonAsync(context, StatusCodes.Status200OK, result!.Value.Cancellation);
    }

    /// <summary>
    /// Reads a JSON body of at most <see cref="MaxBodyBytes"/>, turning malformed JSON into a validation error on
    /// the path it failed at.
    /// </summary>
    internal static async Task<T> ReadAsync<T>(HttpContext context)
    {
        var body = await RequestBody.ReadCappedAsync(context, MaxBodyBytes);
        try
        {
            return JsonSerializer.Deserialize<T>(body, RecordJson.Options)
                ?? throw new ValidationException("body", "null", "is empty; send a JSON object");
        }
        catch (JsonException malformed)
        {
            throw new ValidationException(
                malformed.Path is null or "$" ? "body" : malformed.Path.TrimStart('$', '.'), null, "is not valid JSON here");
        }
    }

    private sealed record CancelBody(string? Reason);
}

/// <summary>Answer of an accepted campaign request.</summary>
/// <param name="CampaignId">Campaign id.</param>
/// <param name="Started">True when this request started it, false when it existed.</param>
/// <param name="Status">Route of its status.</param>
public sealed record CampaignAccepted(string CampaignId, bool Started, string Status);
