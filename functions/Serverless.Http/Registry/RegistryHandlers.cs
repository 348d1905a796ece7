using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;
using Serverless.Shared.Storage;

namespace Serverless.Http.Registry;

/// <summary>
/// Handlers of registry import and history for both hosts. Each writes the whole response, and errors as RFC
/// 7807 problem details.
/// </summary>
public sealed class RegistryHandlers
{
    private readonly RegistryAccess access;
    private readonly RegistryImporter importer;
    private readonly TableHistoryStore history;
    private readonly RegistryStatusService statuses;
    private readonly IRegistryStore registry;

    /// <summary>Creates the handlers.</summary>
    public RegistryHandlers(
        RegistryAccess access, RegistryImporter importer, TableHistoryStore history, RegistryStatusService statuses,
        IRegistryStore registry)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(registry);
        this.access = access;
        this.importer = importer;
        this.history = history;
        this.statuses = statuses;
        this.registry = registry;
    }

    /// <summary>
    /// <c>GET /api/registry/{kind}?office=CODE</c>: the rows of an office and of every office below it, for a
    /// caller at or above that office. A county sees its own rows, a city its counties' too, the province all.
    /// </summary>
    public async Task ListAsync(HttpContext context, string kind)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = await access.ResolveAsync(context).ConfigureAwait(false);
        if (caller is null)
        {
            return;
        }

        var office = context.Request.Query["office"].ToString() is { Length: > 0 } given ? given : caller.OfficeCode;
        RegistryKind registryKind;
        try
        {
            registryKind = ParseKind(kind);
        }
        catch (ValidationException invalid)
        {
            await RegistryProblems.InvalidAsync(context, invalid).ConfigureAwait(false);
            return;
        }

        if (!await access.AllowsAsync(context, caller, office).ConfigureAwait(false))
        {
            return;
        }

        var tree = new OfficeTree(await registry.ListOfficesAsync(context.RequestAborted).ConfigureAwait(false));
        var codes = tree.Offices.Select(o => o.Code).Where(code => tree.IsSameOrBelow(code, office))
            .Order(StringComparer.Ordinal).ToList();
        if (registryKind == RegistryKind.Officers)
        {
            var officers = new List<Officer>();
            foreach (var code in codes)
            {
                officers.AddRange(await registry.ListOfficersAsync(code, context.RequestAborted).ConfigureAwait(false));
            }

            await Results.Json(officers, RegistryHttpJson.Default.ListOfficer).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var employers = new List<Employer>();
        foreach (var code in codes)
        {
            employers.AddRange(await registry.ListEmployersAsync(code, context.RequestAborted).ConfigureAwait(false));
        }

        await Results.Json(employers, RegistryHttpJson.Default.ListEmployer).ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST /api/registry/{kind}/{office}/{key}/status</c> with <c>{"status": "Retired", "reason": "..."}</c>:
    /// changes a row's status with a history entry. Returns 200 with <c>changed</c> false when the row already had
    /// that status, 400 for an unknown status, a missing reason or a row that does not exist, and 409 naming the row
    /// when another writer changed its status between the read and the write.
    /// </summary>
    public async Task SetStatusAsync(
        HttpContext context, string kind, string office, string key, DurableTaskClient? milestones = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = await access.ResolveAsync(context).ConfigureAwait(false);
        if (caller is null || !await access.AllowsAsync(context, caller, office).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            var body = await ReadStatusBodyAsync(context).ConfigureAwait(false);
            var changed = await statuses.SetStatusAsync(
                ParseKind(kind), office, key, body.Status ?? "", caller.PrincipalId, body.Reason ?? "",
                context.RequestAborted).ConfigureAwait(false);
            if (changed)
            {
                await RegistryMilestoneSignal.RaiseAsync(context, milestones, office).ConfigureAwait(false);
            }

            await Results.Json(new StatusChangeResult(changed), RegistryHttpJson.Default.StatusChangeResult)
                .ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (ValidationException invalid)
        {
            await RegistryProblems.InvalidAsync(context, invalid).ConfigureAwait(false);
        }
        catch (RegistryConflictException conflict)
        {
            await RegistryProblems.ConflictAsync(context, conflict).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>POST /api/registry/{kind}/import?office=CODE</c>: imports the CSV or XLSX body for an office at or
    /// below the caller's. Returns the report as JSON, or the per-row errors as CSV when the request accepts
    /// <c>text/csv</c>, with the counts in <c>X-Import-*</c> headers. The JSON report lists the first
    /// <see cref="RegistryImporter.MaxListedErrors"/> errors; the CSV lists all of them.
    /// </summary>
    public async Task ImportAsync(HttpContext context, string kind, DurableTaskClient? milestones = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = await access.ResolveAsync(context).ConfigureAwait(false);
        if (caller is null)
        {
            return;
        }

        ImportReport report;
        await using var errorFile = TemporaryFile();
        var wantsCsv = context.Request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase);
        try
        {
            var registryKind = ParseKind(kind);
            var office = context.Request.Query["office"].ToString();
            if (office.Length == 0)
            {
                throw new ValidationException("office", "", "is missing; add ?office=CODE");
            }

            if (!await access.AllowsAsync(context, caller, office).ConfigureAwait(false))
            {
                return;
            }

            var format = UploadedFile.FormatOf(context.Request);
            var encoding = TextEncodings.Parse(context.Request.Query["encoding"].ToString());
            var reason = context.Request.Query["reason"].ToString() is { Length: > 0 } given ? given : "HTTP import";
            await using var file = await UploadedFile.SaveAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            await using var errorCsv = new StreamWriter(errorFile, TextEncodings.Utf8, 1 << 16, leaveOpen: true);
            report = await importer.ImportAsync(
                registryKind, file, format, new ImportRequest(office, caller.PrincipalId, reason, encoding),
                errorCsv: wantsCsv ? errorCsv : null, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (ValidationException invalid)
        {
            await RegistryProblems.InvalidAsync(context, invalid).ConfigureAwait(false);
            return;
        }

        if (report.Created + report.Updated > 0)
        {
            await RegistryMilestoneSignal.RaiseAsync(context, milestones, context.Request.Query["office"].ToString())
                .ConfigureAwait(false);
        }

        await WriteReportAsync(context, report, wantsCsv ? errorFile : null).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/registry/{kind}/{office}/{key}/history</c>: a row's changes, newest first.</summary>
    public async Task HistoryAsync(HttpContext context, string kind, string office, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = await access.ResolveAsync(context).ConfigureAwait(false);
        if (caller is null || !await access.AllowsAsync(context, caller, office).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            var entries = await history.ListAsync(ParseKind(kind), office, key, context.RequestAborted).ConfigureAwait(false);
            await Results.Json(entries, RegistryJsonContext.Default.IReadOnlyListHistoryEntry)
                .ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (ValidationException invalid)
        {
            await RegistryProblems.InvalidAsync(context, invalid).ConfigureAwait(false);
        }
    }

    private static async Task<StatusChangeBody> ReadStatusBodyAsync(HttpContext context)
    {
        try
        {
            return await context.Request.ReadFromJsonAsync(RegistryHttpJson.Default.StatusChangeBody, context.RequestAborted)
                .ConfigureAwait(false) ?? throw new ValidationException("body", "null", "is missing");
        }
        catch (System.Text.Json.JsonException invalid)
        {
            throw new ValidationException("body", invalid.Path, "is not a JSON object with status and reason");
        }
    }

    private static RegistryKind ParseKind(string kind) => kind switch
    {
        "employers" => RegistryKind.Employers,
        "officers" => RegistryKind.Officers,
        _ => throw new ValidationException("kind", kind, "is neither employers nor officers"),
    };

    private static FileStream TemporaryFile() => new(
        Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
        FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private static async Task WriteReportAsync(HttpContext context, ImportReport report, FileStream? errorCsv)
    {
        var headers = context.Response.Headers;
        headers["X-Import-Rows"] = report.Rows.ToString(CultureInfo.InvariantCulture);
        headers["X-Import-Created"] = report.Created.ToString(CultureInfo.InvariantCulture);
        headers["X-Import-Updated"] = report.Updated.ToString(CultureInfo.InvariantCulture);
        headers["X-Import-Unchanged"] = report.Unchanged.ToString(CultureInfo.InvariantCulture);
        headers["X-Import-Rejected"] = report.Rejected.ToString(CultureInfo.InvariantCulture);
        if (errorCsv is null)
        {
            await Results.Json(report, RegistryJsonContext.Default.ImportReport).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        // Kestrel rejects synchronous writes, and CsvHelper writes synchronously, so the report goes to a
        // temporary file first and is copied from there.
        context.Response.ContentType = "text/csv; charset=utf-8";
        errorCsv.Position = 0;
        await errorCsv.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
