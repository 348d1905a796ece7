using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Serverless.Shared.Records;

namespace Serverless.Http.Public;

/// <summary>Chooses between HTML and JSON for a public page and writes the response.</summary>
public static class PublicResponses
{
    /// <summary>Path below which the self-host returns the public pages as JSON by default.</summary>
    public const string JsonPrefix = "/api/public";

    private const string JsonItemKey = "Serverless.Http.Public.Json";

    /// <summary>Marks a request to get JSON whatever its query contains; returns the same context.</summary>
    public static HttpContext AsJson(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[JsonItemKey] = true;
        return context;
    }

    /// <summary>True for <c>format=json</c>, for a request marked by <see cref="AsJson"/>, or for an Accept of JSON only.</summary>
    public static bool WantsJson(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.ContainsKey(JsonItemKey))
        {
            return true;
        }

        var format = context.Request.Query["format"].ToString();
        if (format.Length > 0)
        {
            return format.Equals("json", StringComparison.OrdinalIgnoreCase);
        }

        var accept = context.Request.Headers.Accept.ToString();
        return accept.Contains("application/json", StringComparison.OrdinalIgnoreCase)
            && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Base path of the HTML pages' links: <c>/api/public</c> in the Functions app, whose routes all sit below
    /// <c>/api</c>, otherwise <c>/public</c>.
    /// </summary>
    public static string BasePath(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var prefix = context.Request.Path.StartsWithSegments(JsonPrefix, StringComparison.OrdinalIgnoreCase)
            ? JsonPrefix
            : "/public";
        return context.Request.PathBase + prefix;
    }

    /// <summary>Writes a value as JSON with the settings of the published records.</summary>
    public static async Task WriteJsonAsync<T>(HttpContext context, T value)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, RecordJson.Options, context.RequestAborted);
    }

    /// <summary>Writes a rendered page.</summary>
    public static async Task WriteHtmlAsync(HttpContext context, string html, int status = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    /// <summary>Writes the page or the JSON, as the request specifies.</summary>
    public static Task WriteAsync<T>(HttpContext context, T value, Func<string, T, string> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        return WantsJson(context) ? WriteJsonAsync(context, value) : WriteHtmlAsync(context, render(BasePath(context), value));
    }

    /// <summary>Writes an RFC 7807 problem as JSON, or as a short Chinese page for a browser.</summary>
    public static async Task ProblemAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!WantsJson(context))
        {
            var page = new HtmlPage(status == StatusCodes.Status404NotFound ? "未找到" : "请求无效", BasePath(context))
                .Paragraph(detail);
            await WriteHtmlAsync(context, page.Build(), status);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        await JsonSerializer.SerializeAsync(
            context.Response.Body,
            new Dictionary<string, object> { ["status"] = status, ["title"] = title, ["detail"] = detail },
            RecordJson.Options,
            context.RequestAborted);
    }
}
