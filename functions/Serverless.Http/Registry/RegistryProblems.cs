using Microsoft.AspNetCore.Http;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;

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

    /// <summary>Writes 409 naming the registry row and field that another writer changed first.</summary>
    public static Task ConflictAsync(HttpContext context, RegistryConflictException conflict) =>
        Results.Problem(
                detail: conflict.Message,
                statusCode: 409,
                title: "Registry row changed by another writer",
                extensions: new Dictionary<string, object?>
                {
                    ["kind"] = conflict.Conflict.Kind.ToString(),
                    ["office"] = conflict.Conflict.OfficeCode,
                    ["key"] = conflict.Conflict.Key,
                    ["field"] = conflict.Conflict.Field,
                })
            .ExecuteAsync(context);
}
