using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;
using static Serverless.Integration.Tests.Registry.RegistrySamples;

namespace Serverless.Integration.Tests.Registry;

/// <summary>Listing by jurisdiction and status changes over HTTP, on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RegistryHttpTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(Futian, Futian, 1)]
    [InlineData(Shenzhen, Shenzhen, 2)]
    [InlineData(Province, Shenzhen, 2)]
    [InlineData(Province, Province, 2)]
    public async Task List_Caller_SeesOfficeAndBelow(string caller, string office, int expected)
    {
        await using var app = await StartWithTwoCountiesAsync();

        using var response = await GetAsync(app, $"/api/registry/employers?office={office}", caller);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, (await ReadArrayAsync(response)).GetArrayLength());
    }

    [Fact]
    public async Task List_CountyAskingForCity_Returns403()
    {
        await using var app = await StartWithTwoCountiesAsync();

        using var response = await GetAsync(app, $"/api/registry/employers?office={Shenzhen}", Futian);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task List_NeighbourCounty_Returns403()
    {
        await using var app = await StartWithTwoCountiesAsync();

        using var response = await GetAsync(app, $"/api/registry/officers?office={Nanshan}", Futian);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SetStatus_Retired_KeepsRowWithHistory()
    {
        await using var app = await StartWithTwoCountiesAsync();

        using var response = await PostAsync(
            app, $"/api/registry/officers/{Futian}/GD-0001/status", Futian, new { status = "Retired", reason = "退休" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var officer = Assert.Single(await app.Tables.Storage.Registry.ListOfficersAsync(Futian));
        Assert.Equal(OfficerStatus.Retired, officer.Status);
        var entries = await new TableHistoryStore(app.Tables).ListAsync(RegistryKind.Officers, Futian, "GD-0001");
        Assert.Equal(2, entries.Count);
        Assert.Equal(("test-" + Futian, "退休"), (entries[0].Actor, entries[0].Reason));
        Assert.Equal([new FieldChange("status", "Active", "Retired")], entries[0].Changes);
    }

    [Fact]
    public async Task SetStatus_SameStatusTwice_AddsNoHistory()
    {
        await using var app = await StartWithTwoCountiesAsync();
        var path = $"/api/registry/employers/{Futian}/{CreditCodeFor(1)}/status";
        using var first = await PostAsync(app, path, Futian, new { status = "Deregistered", reason = "注销" });

        using var second = await PostAsync(app, path, Futian, new { status = "Deregistered", reason = "注销" });

        var body = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("changed").GetBoolean());
        var entries = await new TableHistoryStore(app.Tables).ListAsync(RegistryKind.Employers, Futian, CreditCodeFor(1));
        Assert.Equal(2, entries.Count);
    }

    [Theory]
    [InlineData("Deleted", "注销", "status")]
    [InlineData("1", "注销", "status")]
    [InlineData("Deregistered", "", "reason")]
    public async Task SetStatus_InvalidBody_Returns400WithField(string status, string reason, string field)
    {
        await using var app = await StartWithTwoCountiesAsync();

        using var response = await PostAsync(
            app, $"/api/registry/employers/{Futian}/{CreditCodeFor(1)}/status", Futian, new { status, reason });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(EmployerStatus.Active, (await app.Tables.Storage.Registry.ListEmployersAsync(Futian))[0].Status);
    }

    [Fact]
    public async Task SetStatus_UnknownKey_Returns400()
    {
        await using var app = await StartWithTwoCountiesAsync();

        using var response = await PostAsync(
            app, $"/api/registry/officers/{Futian}/GD-9999/status", Futian, new { status = "Retired", reason = "退休" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SetStatus_NeighbourCounty_Returns403()
    {
        await using var app = await StartWithTwoCountiesAsync();

        using var response = await PostAsync(
            app, $"/api/registry/officers/{Futian}/GD-0001/status", Nanshan, new { status = "Retired", reason = "退休" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(OfficerStatus.Active, (await app.Tables.Storage.Registry.ListOfficersAsync(Futian))[0].Status);
    }

    /// <summary>Starts the app with one employer in Futian and one in Nanshan, and one officer in Futian.</summary>
    private async Task<RegistryApp> StartWithTwoCountiesAsync()
    {
        var tables = await CreateTablesAsync(azurite);
        await Importer(tables).ImportAsync(
            RegistryKind.Employers, Stream(Csv(EmployerHeader, [EmployerLine(1)])), TabularFormat.Csv, Request());
        await Importer(tables).ImportAsync(
            RegistryKind.Employers, Stream(Csv(EmployerHeader, [EmployerLine(2, office: Nanshan)])), TabularFormat.Csv,
            Request(Nanshan));
        await Importer(tables).ImportAsync(
            RegistryKind.Officers, Stream(Csv(OfficerHeader, [OfficerLine("GD-0001")])), TabularFormat.Csv, Request());
        return await RegistryApp.StartAsync(tables);
    }

    private static async Task<JsonElement> ReadArrayAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        return body;
    }

    private static async Task<HttpResponseMessage> GetAsync(RegistryApp app, string path, string office)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add(TestCallerResolver.Header, office);
        return await app.Client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostAsync(RegistryApp app, string path, string office, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add(TestCallerResolver.Header, office);
        return await app.Client.SendAsync(request);
    }
}
