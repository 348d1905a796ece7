using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Shared.Domain;
using Serverless.Shared.Publication;
using Serverless.Shared.Storage;
using Serverless.Workflows.Draws;

namespace Serverless.Http.Public;

/// <summary>
/// HTTP handlers of the public disclosure pages, shared by both hosts. They need no caller, only read, and
/// answer in HTML or, for <c>format=json</c>, in JSON with the same data.
/// </summary>
public static class PublicHandlers
{
    /// <summary>Top folders of the records container that <see cref="FileAsync"/> serves; <c>private/</c> is never one.</summary>
    public static IReadOnlyList<string> PublishedFolders { get; } = ["records/", "pools/", "rosters/", "summaries/", "chain/"];

    /// <summary><c>GET /public/items[?office=CODE]</c>: the inspection item list and its versions.</summary>
    public static async Task ItemsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var office = context.Request.Query["office"].ToString();
        var list = await Reader(context).GetItemsAsync(office.Length == 0 ? null : office, context.RequestAborted);
        if (list is null)
        {
            await PublicResponses.ProblemAsync(context, 404, "Office not found", $"No office has code '{office}'.");
            return;
        }

        await PublicResponses.WriteAsync(context, list, PublicPages.Items);
    }

    /// <summary><c>GET /public/draws</c>: every completed draw, newest first.</summary>
    public static async Task DrawsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var draws = await Reader(context).ListDrawsAsync(context.RequestAborted);
        await PublicResponses.WriteAsync(context, draws, PublicPages.Draws);
    }

    /// <summary><c>GET /public/draws/{drawId}</c>: one draw with a line per office.</summary>
    public static async Task DrawAsync(HttpContext context, string drawId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var draw = await Reader(context).GetDrawAsync(drawId, context.RequestAborted);
        if (draw is null)
        {
            await PublicResponses.ProblemAsync(context, 404, "Draw not found", $"No completed draw has id '{drawId}'.");
            return;
        }

        await PublicResponses.WriteAsync(context, draw, PublicPages.Draw);
    }

    /// <summary><c>GET /public/draws/{drawId}/{office}</c>: one office's targets, teams and reproduction steps.</summary>
    public static async Task OfficeDrawAsync(HttpContext context, string drawId, string office)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsSafeSegment(drawId) || !IsSafeSegment(office))
        {
            await PublicResponses.ProblemAsync(context, 400, "Invalid request", "The draw id or office code is invalid.");
            return;
        }

        var draw = await Reader(context).GetOfficeDrawAsync(drawId, office, context.RequestAborted);
        if (draw is null)
        {
            await PublicResponses.ProblemAsync(
                context, 404, "Record not found", $"Draw '{drawId}' has no record of office '{office}'.");
            return;
        }

        await PublicResponses.WriteAsync(context, draw, OfficeDrawPage.Render);
    }

    /// <summary><c>GET /public/commitments</c>: seed and pool hashes of the scheduled draws still ahead.</summary>
    public static async Task CommitmentsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var commitments = await Reader(context).ListUpcomingCommitmentsAsync(context.RequestAborted);
        await PublicResponses.WriteAsync(context, commitments, PublicPages.Commitments);
    }

    /// <summary><c>GET /public/verify/{drawId}</c>: recomputes the draw on the server and compares it with its records.</summary>
    public static async Task VerifyAsync(HttpContext context, string drawId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsSafeSegment(drawId))
        {
            await PublicResponses.ProblemAsync(context, 400, "Invalid request", $"Draw id '{drawId}' is invalid.");
            return;
        }

        var results = await context.RequestServices.GetRequiredService<DrawVerifier>()
            .VerifyDrawAsync(drawId, context.RequestAborted);
        if (results.Count == 0)
        {
            await PublicResponses.ProblemAsync(context, 404, "Draw not found", $"Draw '{drawId}' has no office records.");
            return;
        }

        var verification = new DrawVerification(drawId, results.All(r => r.Matches), results);
        await PublicResponses.WriteAsync(context, verification, PublicPages.Verification);
    }

    /// <summary><c>GET /public/chain/{office}</c>: walks the office's publication chain and shows the first break.</summary>
    public static async Task ChainAsync(HttpContext context, string office)
    {
        ArgumentNullException.ThrowIfNull(context);
        ChainReport report;
        try
        {
            report = await context.RequestServices.GetRequiredService<PublicationChain>()
                .CheckAsync(office, context.RequestAborted);
        }
        catch (ValidationException exception)
        {
            await PublicResponses.ProblemAsync(context, 400, "Invalid request", exception.Message);
            return;
        }

        await PublicResponses.WriteAsync(context, report, PublicPages.Chain);
    }

    /// <summary>
    /// <c>GET /public/files/{*path}</c>: a published blob as stored, byte for byte, from the folders in
    /// <see cref="PublishedFolders"/> only.
    /// </summary>
    public static async Task FileAsync(HttpContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        path ??= "";
        var segments = path.Split('/');
        if (!PublishedFolders.Any(folder => path.StartsWith(folder, StringComparison.Ordinal))
            || segments.Any(segment => segment is "" or "." or "..")
            || path.Any(c => char.IsControl(c) || c == '\\'))
        {
            await PublicResponses.ProblemAsync(
                context, 404, "File not found", $"'{path}' is not a published file; published files are below "
                + string.Join(", ", PublishedFolders) + ".");
            return;
        }

        var content = await context.RequestServices.GetRequiredService<IRecordStore>().ReadAsync(path, context.RequestAborted);
        if (content is null)
        {
            await PublicResponses.ProblemAsync(context, 404, "File not found", $"No published file has path '{path}'.");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = path.EndsWith(".json", StringComparison.Ordinal)
            ? "application/json; charset=utf-8"
            : "text/plain; charset=utf-8";
        context.Response.Headers.ContentDisposition = "inline; filename=\"" + segments[^1] + "\"";
        await context.Response.Body.WriteAsync(content.ToMemory(), context.RequestAborted);
    }

    private static PublicationReader Reader(HttpContext context) =>
        context.RequestServices.GetRequiredService<PublicationReader>();

    /// <summary>True for an id usable as one blob path segment.</summary>
    private static bool IsSafeSegment(string? value) =>
        !string.IsNullOrEmpty(value) && value is not ("." or "..") && value.Length <= 200
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
