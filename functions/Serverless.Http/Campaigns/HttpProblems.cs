using Microsoft.AspNetCore.Http;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;

namespace Serverless.Http.Campaigns;

/// <summary>Writes RFC 7807 problem details and JSON responses for the handlers of both hosts.</summary>
public static class HttpProblems
{
    /// <summary>Writes a problem with a status, title and detail.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);

    /// <summary>Writes a 400 validation problem naming the field, its value and the reason.</summary>
    public static Task InvalidAsync(HttpContext context, ValidationException invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        return Results.ValidationProblem(
                new Dictionary<string, string[]> { [invalid.Field] = [invalid.Reason] },
                detail: invalid.Message,
                title: "Invalid request",
                extensions: new Dictionary<string, object?> { ["field"] = invalid.Field, ["value"] = invalid.Value })
            .ExecuteAsync(context);
    }

    /// <summary>Writes 401 for a request without a valid credential.</summary>
    public static Task UnauthorizedAsync(HttpContext context) =>
        WriteAsync(context, 401, "Unauthorized", "Send a valid credential: an API key, or sign in through App Service.");

    /// <summary>Writes a JSON response in the record format.</summary>
    public static Task JsonAsync<T>(HttpContext context, int status, T value) =>
        Results.Json(value, RecordJson.Options, statusCode: status).ExecuteAsync(context);
}
