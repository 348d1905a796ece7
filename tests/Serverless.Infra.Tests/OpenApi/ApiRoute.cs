using System.Text.RegularExpressions;

namespace Serverless.Infra.Tests.OpenApi;

/// <summary>An HTTP method and route template, with parameter constraints removed, as OpenAPI paths write it.</summary>
internal sealed partial record ApiRoute(string Method, string Path)
{
    /// <summary>Creates a route from a template such as <c>api/draws/{drawId:minlength(1)}</c>.</summary>
    public static ApiRoute Create(string method, string template)
    {
        var path = "/" + Constraint().Replace(template.Trim('/'), "{${name}}");
        return new ApiRoute(method.ToUpperInvariant(), path);
    }

    public override string ToString() => $"{Method} {Path}";

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)[^}]*\}")]
    private static partial Regex Constraint();
}
