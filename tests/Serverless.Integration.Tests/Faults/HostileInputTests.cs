using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Host.Local;
using Serverless.Http.Access;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;
using Xunit.Abstractions;

namespace Serverless.Integration.Tests.Faults;

/// <summary>
/// The bad inputs of <c>hostile-inputs.json</c>, each sent to the real HTTP endpoints of a self-host on
/// Azurite. Each case expects a status and the field the error names; a rejected case must leave every table
/// row and blob as it was, and an accepted one must store the value exactly.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class HostileInputTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string CorpusFile = "Faults/hostile-inputs.json";

    [Fact]
    public async Task Corpus_EachCase_RejectedByFieldOrStoredExactly()
    {
        var corpus = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, CorpusFile)))!;
        var cases = corpus["cases"]!.AsArray();
        var templates = corpus["templates"]!.AsObject();
        var port = LoopbackPorts.PickFree();
        var hub = "Hub" + Guid.NewGuid().ToString("N")[..8];
        await using var harness = await DrawHarness.StartAsync(
            azurite, "Hostile", $"http://127.0.0.1:{port}", settings => settings with { TaskHub = hub });
        await harness.SeedAsync(DrawTestData.Create(employersPerOffice: 5, officersPerOffice: 3));
        var keys = harness.Runtime.Services.GetRequiredService<ApiKeyStore>();
        var secrets = new Dictionary<string, string>
        {
            ["luohu"] = (await keys.CreateAsync(DrawTestData.Luohu, CallerRoles.Manager)).Secret,
            ["futian"] = (await keys.CreateAsync(DrawTestData.Futian, CallerRoles.Manager)).Secret,
        };
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var storage = harness.Runtime.Storage;

        var failures = new List<string>();
        var rejected = 0;
        var stored = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var item = cases[i]!.AsObject();
            var name = item["name"]!.GetValue<string>();

            // Each case comes from its own loopback address, so the per-client limit of declarations never applies.
            using var http = LoopbackClient.Create(baseAddress, 2 + i);
            using var request = BuildRequest(item, templates, secrets);
            var before = await StorageSnapshot.TakeAsync(storage, hub);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var after = await StorageSnapshot.TakeAsync(storage, hub);

            var problems = CheckResponse(item, response.StatusCode, text);
            var expectedStatus = item["status"]!.GetValue<int>();
            var storedField = item["stored"]?.GetValue<string>();
            if (storedField is null && expectedStatus != 202)
            {
                problems.AddRange(after.ChangesSince(before).Select(change => "wrote " + change));
                rejected++;
            }
            else if (storedField is not null)
            {
                problems.AddRange(await CheckStoredAsync(harness, request, item, templates, storedField));
                stored++;
            }

            output.WriteLine($"{(problems.Count == 0 ? "ok  " : "FAIL")} {(int)response.StatusCode} {name}");
            foreach (var problem in problems)
            {
                output.WriteLine("     " + problem);
            }

            failures.AddRange(problems.Select(p => $"{name}: {p}"));
        }

        output.WriteLine($"inputs tried: {cases.Count}, rejected with nothing written: {rejected}, stored exactly: {stored}, " +
            $"failures: {failures.Count}");
        Assert.Equal(cases.Count, rejected + stored);
        Assert.Empty(failures);
    }

    private static List<string> CheckResponse(JsonObject item, HttpStatusCode status, string body)
    {
        var problems = new List<string>();
        var expectedStatus = item["status"]!.GetValue<int>();
        if ((int)status != expectedStatus)
        {
            problems.Add($"status {(int)status}, expected {expectedStatus}: {Shorten(body)}");
            return problems;
        }

        if (item["field"]?.GetValue<string>() is { } field)
        {
            using var problem = JsonDocument.Parse(body);
            var named = problem.RootElement.TryGetProperty("field", out var given) ? given.GetString() : null;
            if (named != field)
            {
                problems.Add($"field '{named}', expected '{field}': {Shorten(body)}");
            }
        }

        if (item["rowField"]?.GetValue<string>() is { } column)
        {
            var report = JsonSerializer.Deserialize(body, RegistryJsonContext.Default.ImportReport)!;
            if (report.Rejected != 1 || report.Created + report.Updated != 0 || report.Errors.All(e => e.Column != column))
            {
                problems.Add($"import report does not reject column '{column}': {Shorten(body)}");
            }
        }

        return problems;
    }

    /// <summary>Reads the declaration back and compares the stored field with the one sent.</summary>
    private static async Task<List<string>> CheckStoredAsync(
        DrawHarness harness, HttpRequestMessage request, JsonObject item, JsonObject templates, string field)
    {
        var sent = BuildJson(item, templates)!.AsObject();
        var declarations = harness.Runtime.Services.GetRequiredService<DeclarationService>();
        var pending = await declarations.ListAsync(sent["officeCode"]!.GetValue<string>(), DeclarationStatus.Pending);
        var creditCode = sent["creditCode"]!.GetValue<string>();
        var declaration = pending.SingleOrDefault(d => d.Employer.CreditCode == creditCode);
        if (declaration is null)
        {
            return [$"no pending declaration for {creditCode} after {request.Method} {request.RequestUri}"];
        }

        var expected = sent[field]!.GetValue<string>();
        var actual = field switch
        {
            "name" => declaration.Employer.Name,
            "address" => declaration.Employer.Address,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "is not a checked declaration field"),
        };
        return string.Equals(expected, actual, StringComparison.Ordinal) ? [] : [$"stored {field} '{actual}', sent '{expected}'"];
    }

    private static HttpRequestMessage BuildRequest(JsonObject item, JsonObject templates, Dictionary<string, string> secrets)
    {
        var request = new HttpRequestMessage(
            new HttpMethod(item["method"]!.GetValue<string>()),
            new Uri(Expand(item["path"]!.GetValue<string>()), UriKind.Relative));
        if (item["key"]?.GetValue<string>() is { } key)
        {
            request.Headers.Add(ApiKeyCallerResolver.Header, secrets[key]);
        }

        var headers = item["headers"]?.AsObject();
        if (request.RequestUri!.OriginalString.StartsWith("/api/campaigns", StringComparison.Ordinal) && headers?.ContainsKey("Idempotency-Key") != true)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }

        foreach (var (name, value) in headers ?? [])
        {
            if (value is not null)
            {
                request.Headers.Add(name, Expand(value.GetValue<string>()));
            }
        }

        if (item["csv"]?.GetValue<string>() is { } csv)
        {
            var file = templates[csv]!.GetValue<string>().Replace("{row}", Expand(item["row"]!.GetValue<string>()), StringComparison.Ordinal);
            request.Content = new StringContent(file, Encoding.UTF8, "text/csv");
        }
        else if (item["raw"]?.GetValue<string>() is { } raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (BuildJson(item, templates) is { } json)
        {
            request.Content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>The case's JSON body: its <c>json</c>, or its template with the <c>set</c> properties replaced.</summary>
    private static JsonNode? BuildJson(JsonObject item, JsonObject templates)
    {
        JsonNode? body = item["json"]?.DeepClone()
            ?? (item["template"]?.GetValue<string>() is { } template ? templates[template]!.DeepClone() : null);
        if (body is JsonObject target && item["set"] is JsonObject changes)
        {
            foreach (var (name, value) in changes)
            {
                target[name] = value?.DeepClone();
            }
        }

        return body is null ? null : ExpandStrings(body);
    }

    private static JsonNode ExpandStrings(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    obj[name] = obj[name] is { } child ? ExpandStrings(child.DeepClone()) : null;
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = array[i] is { } child ? ExpandStrings(child.DeepClone()) : null;
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(Expand(text));
            default:
                return node;
        }
    }

    /// <summary>
    /// Replaces the placeholders of the corpus: <c>{code:OFFICE:N}</c> a valid credit code,
    /// <c>{code-badcheck:OFFICE:N}</c> one with a wrong check character, <c>{code-lowercase:OFFICE}</c> a valid
    /// code whose check character is a letter, written in lowercase, and <c>{repeat:TEXT:N}</c> TEXT N times.
    /// </summary>
    private static string Expand(string text) => Placeholder().Replace(text, match =>
    {
        var parts = match.Groups[1].Value.Split(':');
        return parts[0] switch
        {
            "code" => DrawTestData.CreditCodeFor(parts[1], Number(parts[2])),
            "code-badcheck" => WithWrongCheck(DrawTestData.CreditCodeFor(parts[1], Number(parts[2]))),
            "code-lowercase" => Enumerable.Range(500, 100)
                .Select(i => DrawTestData.CreditCodeFor(parts[1], i))
                .First(code => char.IsAsciiLetter(code[^1]))
                .ToLowerInvariant(),
            "repeat" => string.Concat(Enumerable.Repeat(parts[1], Number(parts[2]))),
            _ => match.Value,
        };
    });

    private static string WithWrongCheck(string code)
    {
        var wrong = code[^1] == '0' ? '1' : '0';
        return code[..^1] + wrong;
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";

    [GeneratedRegex(@"\{((?:code|code-badcheck|code-lowercase|repeat):[^{}]+)\}")]
    private static partial Regex Placeholder();
}
