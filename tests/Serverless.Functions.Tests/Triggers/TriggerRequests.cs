using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Http.Access;

namespace Serverless.Functions.Tests.Triggers;

/// <summary>HTTP requests with an App Service client principal, and reading of the JSON the handlers write.</summary>
internal static class TriggerRequests
{
    /// <summary>Creates a JSON request with the encoded principal header, or none when it is null.</summary>
    public static DefaultHttpContext Create(string? principal, string body)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        };
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        context.Request.ContentType = "application/json";
        context.Response.Body = new MemoryStream();
        if (principal is not null)
        {
            context.Request.Headers[ClientPrincipalCallerResolver.Header] = principal;
        }

        return context;
    }

    /// <summary>Parses the response body written so far.</summary>
    public static JsonElement ReadJson(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return JsonDocument.Parse(context.Response.Body).RootElement.Clone();
    }

    /// <summary>Encodes a client principal of user-1 holding one role, as App Service authentication sends it.</summary>
    public static string Principal(string role)
    {
        var json = JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            name_typ = "name",
            role_typ = "roles",
            claims = new[] { new { typ = "name", val = "user-1" }, new { typ = "roles", val = role } },
        });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
