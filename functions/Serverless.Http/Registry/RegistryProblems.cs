using Microsoft.AspNetCore.Http;
using Serverless.Shared.Domain;

namespace Serverless.Http.Registry;

/// <summary>RFC 7807 problem details of the registry handlers.</summary>
internal static class RegistryProblems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);

    /// <summary>Writes 400 naming the rejected field, its value and the reason.</summary>
    public static Task InvalidAsync(HttpContext context, ValidationException invalid) =>
        Results.ValidationProblem(
                new Dictionary<string, string[]> { [invalid.Field] = [invalid.Reason] },
                detail: invalid.Message,
                title: "Invalid request",
                extensions: new Dictionary<string, object?> { ["field"] = invalid.Field, ["value"] = invalid.Value })
            .ExecuteAsync(context);
}
