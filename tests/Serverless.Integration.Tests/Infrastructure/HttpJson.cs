using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Http.Access;

namespace Serverless.Integration.Tests.Infrastructure;

/// <summary>JSON requests with an API key, and reading of JSON responses, for tests of the self-host's HTTP API.</summary>
internal static class HttpJson
{
    /// <summary>Posts <paramref name="body"/> as JSON with <paramref name="apiKey"/> in the API key header.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, object body, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(ApiKeyCallerResolver.Header, apiKey);
        return await http.SendAsync(request);
    }

    /// <summary>Parses the body of a response as JSON.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
