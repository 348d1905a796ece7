using Microsoft.AspNetCore.Http;
using Serverless.Http.Access;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;

namespace Serverless.Http.Registry;

/// <summary>
/// Handlers of data exchange with other departments: exports of draw results, inspection results and the
/// dishonest list as CSV or JSON, and the import of another department's dishonest list.
/// </summary>
public sealed class ExchangeHandlers
{
    private readonly RegistryAccess access;
    private readonly ExchangeExporter exporter;
    private readonly DishonestImporter dishonest;

    /// <summary>Creates the handlers.</summary>
    public ExchangeHandlers(RegistryAccess access, ExchangeExporter exporter, DishonestImporter dishonest)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(exporter);
        ArgumentNullException.ThrowIfNull(dishonest);
        this.access = access;
        this.exporter = exporter;
        this.dishonest = dishonest;
    }

    /// <summary><c>GET /api/exchange/draws/{drawId}?format=csv|json</c>: the targets the caller's office may see.</summary>
    public Task ExportDrawResultsAsync(HttpContext context, string drawId) =>
        ExportAsync(context, $"draw-results-{drawId}", async (caller, format, output) =>
        {
            var results = await exporter.ListDrawResultsAsync(drawId, caller.OfficeCode, context.RequestAborted)
                .ConfigureAwait(false);
            ExchangeExporter.Write(output, format, results);
        });

    /// <summary><c>GET /api/exchange/inspections?format=csv|json</c>: results of the caller's office and below.</summary>
    public Task ExportInspectionResultsAsync(HttpContext context) =>
        ExportAsync(context, "inspection-results", async (caller, format, output) =>
        {
            var results = await exporter.ListInspectionResultsAsync(caller.OfficeCode, context.RequestAborted)
                .ConfigureAwait(false);
            ExchangeExporter.Write(output, format, results);
        });

    /// <summary><c>GET /api/exchange/dishonest?format=csv|json</c>: the whole dishonest list.</summary>
    public Task ExportDishonestAsync(HttpContext context) =>
        ExportAsync(context, "dishonest", async (_, format, output) =>
        {
            var entries = await exporter.ListDishonestAsync(context.RequestAborted).ConfigureAwait(false);
            ExchangeExporter.Write(output, format, entries);
        });

    /// <summary>
    /// <c>POST /api/exchange/dishonest</c>: imports another department's list (CSV or XLSX body); managers only.
    /// </summary>
    public async Task ImportDishonestAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = await access.ResolveAsync(context).ConfigureAwait(false);
        if (caller is null)
        {
            return;
        }

        if (caller.Role != CallerRoles.Manager)
        {
            await RegistryProblems.WriteAsync(
                context, 403, "Forbidden", "Only a manager imports another department's dishonest list.").ConfigureAwait(false);
            return;
        }

        try
        {
            var format = UploadedFile.FormatOf(context.Request);
            var encoding = TextEncodings.Parse(context.Request.Query["encoding"].ToString());
            await using var file = await UploadedFile.SaveAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            var report = await dishonest.ImportAsync(file, format, caller.PrincipalId, encoding, context.RequestAborted)
                .ConfigureAwait(false);
            await Results.Json(report, RegistryJsonContext.Default.DishonestImportReport).ExecuteAsync(context)
                .ConfigureAwait(false);
        }
        catch (ValidationException invalid)
        {
            await RegistryProblems.InvalidAsync(context, invalid).ConfigureAwait(false);
        }
    }

    private async Task ExportAsync(
        HttpContext context, string fileName, Func<Caller, ExchangeFormat, Stream, Task> write)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = await access.ResolveAsync(context).ConfigureAwait(false);
        if (caller is null)
        {
            return;
        }

        try
        {
            var formatText = context.Request.Query["format"].ToString();
            var format = formatText.ToUpperInvariant() switch
            {
                "" or "JSON" => ExchangeFormat.Json,
                "CSV" => ExchangeFormat.Csv,
                _ => throw new ValidationException("format", formatText, "is neither csv nor json"),
            };

            // Written to memory first, so a failure still gets a problem response rather than a cut file.
            using var buffer = new MemoryStream();
            await write(caller, format, buffer).ConfigureAwait(false);
            var extension = format == ExchangeFormat.Csv ? "csv" : "json";
            context.Response.ContentType = format == ExchangeFormat.Csv ? "text/csv; charset=utf-8" : "application/json";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}.{extension}\"";
            buffer.Position = 0;
            await buffer.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ValidationException invalid)
        {
            await RegistryProblems.InvalidAsync(context, invalid).ConfigureAwait(false);
        }
    }
}
