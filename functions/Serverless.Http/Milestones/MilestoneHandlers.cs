using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Http.Access;
using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows.Milestones;

namespace Serverless.Http.Milestones;

/// <summary>
/// HTTP handlers of milestones, shared by both hosts: each writes its own response, with RFC 7807 problem details
/// for errors. Writes need a caller from <see cref="ICallerResolver"/>; the status view is open like draw status.
/// </summary>
public static class MilestoneHandlers
{
    /// <summary>Largest filed document accepted, in bytes.</summary>
    public const long MaxDocumentBytes = 20 * 1024 * 1024;

    /// <summary>
    /// <c>GET /api/milestones/status?office=CODE[&amp;set=ID][&amp;asOf=yyyy-MM-dd][&amp;format=json|html|csv]</c>:
    /// each subordinate office's state on each milestone. The format comes from <c>format</c>, else from Accept.
    /// </summary>
    public static async Task GetStatusAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        var office = query["office"].ToString();
        if (office.Length == 0)
        {
            await ProblemAsync(context, 400, "Invalid request", "The query parameter office is missing; give an office code.");
            return;
        }

        var setId = query["set"].ToString() is { Length: > 0 } named ? named : GuangdongMilestones.SetId;
        var clock = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        var asOf = ChinaTime.DateOf(clock.GetUtcNow());
        if (query["asOf"].ToString() is { Length: > 0 } text
            && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            await ProblemAsync(context, 400, "Invalid request", $"asOf '{text}' is not a date in the form yyyy-MM-dd.");
            return;
        }

        MilestoneStatusReport? report;
        try
        {
            report = await context.RequestServices.GetRequiredService<MilestoneStatusQuery>()
                .GetAsync(office, setId, asOf, context.RequestAborted);
        }
        catch (ValidationException exception)
        {
            await ProblemAsync(context, 404, "Office not found", exception.Message);
            return;
        }

        if (report is null)
        {
            await ProblemAsync(context, 404, "Milestone set not found", $"No version of milestone set '{setId}' is stored.");
            return;
        }

        await WriteReportAsync(context, report);
    }

    /// <summary>
    /// <c>POST /api/milestones/sets</c>: stores a new version of a milestone set and starts its orchestrations.
    /// Only a manager of the province may post; an existing version is never replaced (409).
    /// </summary>
    public static async Task PostSetAsync(HttpContext context, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(client);
        var caller = await ResolveCallerAsync(context);
        var services = context.RequestServices;
        var tree = new OfficeTree(await services.GetRequiredService<IRegistryStore>().ListOfficesAsync(context.RequestAborted));
        if (caller is null || caller.Role != CallerRoles.Manager || tree.Find(caller.OfficeCode)?.ParentCode is not null
            || tree.Find(caller.OfficeCode) is null)
        {
            await ForbiddenAsync(context, caller, "Only a manager of the province may post milestone sets.");
            return;
        }

        MilestoneSet? set;
        try
        {
            set = await JsonSerializer.DeserializeAsync<MilestoneSet>(context.Request.Body, RecordJson.Options, context.RequestAborted);
        }
        catch (JsonException exception)
        {
            await ProblemAsync(context, 400, "Invalid milestone set", $"The body is not a valid milestone set: {exception.Message}");
            return;
        }

        try
        {
            if (set is null || !await services.GetRequiredService<MilestoneSetStore>().TryAddAsync(set, context.RequestAborted))
            {
                await ProblemAsync(context, 409, "Version exists",
                    $"Milestone set '{set?.SetId}' version {set?.Version} is stored already; post a new version.");
                return;
            }
        }
        catch (ValidationException exception)
        {
            await ProblemAsync(context, 422, "Invalid milestone set", exception.Message);
            return;
        }

        var started = await services.GetRequiredService<MilestoneInstances>().StartSetAsync(
            client, set, tree, MilestoneClock.RealTime, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsJsonAsync(
            new MilestoneSetPosted(set.SetId, set.Version, started.Count), RecordJson.Options, context.RequestAborted);
    }

    /// <summary>
    /// <c>PUT /api/milestones/filings/{office}/{filingKey}/documents/{fileName}</c>: stores a filed document of the
    /// caller's own office, and notifies the milestone instance measured on it. The filing key is the milestone id,
    /// or <c>{milestoneId}-{subjectId}</c> for a milestone followed per subject. A document is never replaced (409).
    /// </summary>
    public static async Task PutDocumentAsync(
        HttpContext context, DurableTaskClient client, string office, string filingKey, string fileName)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(client);
        var caller = await ResolveCallerAsync(context);
        if (caller is null || caller.OfficeCode != office)
        {
            await ForbiddenAsync(context, caller, $"Only office {office} may file its own documents.");
            return;
        }

        if (context.Request.ContentLength is null or 0 or > MaxDocumentBytes)
        {
            await ProblemAsync(context, 400, "Invalid document",
                $"The body must be 1 to {MaxDocumentBytes} bytes with a Content-Length header.");
            return;
        }

        var content = await BinaryData.FromStreamAsync(context.Request.Body, context.RequestAborted);
        var contentType = context.Request.ContentType ?? "application/octet-stream";
        try
        {
            var written = await context.RequestServices.GetRequiredService<FilingStore>()
                .UploadAsync(office, filingKey, fileName, content, contentType, context.RequestAborted);
            if (!written)
            {
                await ProblemAsync(context, 409, "Document exists", $"A document named '{fileName}' is filed already.");
                return;
            }
        }
        catch (ValidationException exception)
        {
            await ProblemAsync(context, 400, "Invalid document", exception.Message);
            return;
        }

        await RaiseFilingChangedAsync(context, client, office, filingKey);
        context.Response.StatusCode = StatusCodes.Status201Created;
    }

    /// <summary>
    /// <c>POST /api/milestones/filings/{office}/{filingKey}/acknowledgement[?set=ID]</c>: the office above
    /// acknowledges a filing that has at least one document, and the milestone instance measured on it is notified.
    /// </summary>
    public static async Task AcknowledgeAsync(HttpContext context, DurableTaskClient client, string office, string filingKey)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(client);
        var services = context.RequestServices;
        var caller = await ResolveCallerAsync(context);
        var filed = await services.GetRequiredService<IRegistryStore>().GetOfficeAsync(office, context.RequestAborted);
        if (filed is null)
        {
            await ProblemAsync(context, 404, "Office not found", $"No office has code '{office}'.");
            return;
        }

        if (caller is null || caller.Role != CallerRoles.Manager || caller.OfficeCode != filed.ParentCode)
        {
            await ForbiddenAsync(context, caller, $"Only a manager of office {filed.ParentCode} may acknowledge this filing.");
            return;
        }

        var filings = services.GetRequiredService<FilingStore>();
        var state = await filings.GetStateAsync(office, filingKey, context.RequestAborted);
        if (state.Documents == 0)
        {
            await ProblemAsync(context, 409, "Nothing filed", $"Office {office} has filed no document for '{filingKey}'.");
            return;
        }

        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var acknowledgement = new FilingAcknowledgement(caller.OfficeCode, caller.PrincipalId, clock.GetUtcNow());
        if (!await filings.AcknowledgeAsync(office, filingKey, acknowledgement, context.RequestAborted))
        {
            await ProblemAsync(context, 409, "Acknowledged already", $"The filing of office {office} is acknowledged already.");
            return;
        }

        await RaiseFilingChangedAsync(context, client, office, filingKey);
        context.Response.StatusCode = StatusCodes.Status200OK;
        await context.Response.WriteAsJsonAsync(acknowledgement, RecordJson.Options, context.RequestAborted);
    }

    /// <summary>Notifies the instance of the latest version of the set named by <c>set</c> (default gd-2016).</summary>
    private static async Task RaiseFilingChangedAsync(HttpContext context, DurableTaskClient client, string office, string filingKey)
    {
        var setId = context.Request.Query["set"].ToString() is { Length: > 0 } named ? named : GuangdongMilestones.SetId;
        var set = await context.RequestServices.GetRequiredService<MilestoneSetStore>().GetAsync(setId, null, context.RequestAborted);
        if (set is not null)
        {
            await MilestoneInstances.RaiseFilingChangedAsync(client, set, office, filingKey, context.RequestAborted);
        }
    }

    private static async Task WriteReportAsync(HttpContext context, MilestoneStatusReport report)
    {
        var format = context.Request.Query["format"].ToString().ToUpperInvariant();
        var accept = context.Request.Headers.Accept.ToString();
        if (format == "CSV" || (format.Length == 0 && accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition =
                $"attachment; filename=\"milestones-{report.OfficeCode}-{report.AsOf:yyyyMMdd}.csv\"";
            await context.Response.WriteAsync(MilestoneStatusFormats.ToCsv(report), context.RequestAborted);
        }
        else if (format == "HTML" || (format.Length == 0 && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(MilestoneStatusFormats.ToHtml(report), context.RequestAborted);
        }
        else
        {
            await context.Response.WriteAsJsonAsync(report, RecordJson.Options, context.RequestAborted);
        }
    }

    private static Task<Caller?> ResolveCallerAsync(HttpContext context)
    {
        // TODO: the resolvers of ICallerResolver are registered by the access code of both hosts; until then
        // every write is rejected with 401.
        var resolver = context.RequestServices.GetService<ICallerResolver>();
        return resolver is null ? Task.FromResult<Caller?>(null) : resolver.ResolveAsync(context.Request, context.RequestAborted);
    }

    private static Task ForbiddenAsync(HttpContext context, Caller? caller, string detail) =>
        caller is null
            ? ProblemAsync(context, 401, "Unauthorized", "The request carries no valid credential.")
            : ProblemAsync(context, 403, "Forbidden", detail);

    private static Task ProblemAsync(HttpContext context, int status, string title, string detail)
    {
        var logging = context.RequestServices.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        MilestoneHttpLog.Rejected(logging.CreateLogger(typeof(MilestoneHandlers)), context.Request.Method, status, title);
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
    }
}
