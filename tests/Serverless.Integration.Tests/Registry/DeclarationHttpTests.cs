using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Http.Registry;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;
using static Serverless.Integration.Tests.Registry.RegistrySamples;

namespace Serverless.Integration.Tests.Registry;

[Collection(AzuriteCollection.Name)]
public sealed class DeclarationHttpTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Submit_ValidForm_StoredAsPendingOnly()
    {
        await using var app = await RegistryApp.StartAsync(await CreateTablesAsync(azurite));

        using var response = await app.Client.PostAsJsonAsync("/api/declarations", Form(1));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await app.Tables.Storage.Registry.ListEmployersAsync(Futian));
        var pending = await Declarations(app).ListAsync(Futian, DeclarationStatus.Pending);
        Assert.Equal(EmployerSource.SelfDeclaration, Assert.Single(pending).Employer.Source);
    }

    [Fact]
    public async Task Submit_BadCheckCharacter_Returns400WithField()
    {
        await using var app = await RegistryApp.StartAsync(await CreateTablesAsync(azurite));
        var form = new { creditCode = WithBadCheck(CreditCodeFor(1)), name = "福田电子有限公司", officeCode = Futian, industry = "C" };

        using var response = await app.Client.PostAsJsonAsync("/api/declarations", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("creditCode", problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Submit_TooManyFromOneClient_Returns429()
    {
        await using var app = await RegistryApp.StartAsync(await CreateTablesAsync(azurite));
        for (var i = 0; i < RegistryHttpRegistration.DeclarationsPerPeriod; i++)
        {
            using var accepted = await app.Client.PostAsJsonAsync("/api/declarations", Form(i + 1));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        using var response = await app.Client.PostAsJsonAsync("/api/declarations", Form(99));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Confirm_ByCountyOffice_WritesEmployerWithHistory()
    {
        await using var app = await RegistryApp.StartAsync(await CreateTablesAsync(azurite));
        using var submitted = await app.Client.PostAsJsonAsync("/api/declarations", Form(1));

        using var response = await SendAsync(app, $"/api/declarations/{Futian}/{CreditCodeFor(1)}/confirm", Futian);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var employer = Assert.Single(await app.Tables.Storage.Registry.ListEmployersAsync(Futian));
        Assert.Equal(EmployerSource.SelfDeclaration, employer.Source);
        var history = await new TableHistoryStore(app.Tables).ListAsync(RegistryKind.Employers, Futian, CreditCodeFor(1));
        Assert.Equal("test-440304", Assert.Single(history).Actor);
    }

    [Fact]
    public async Task Confirm_ByCityOffice_Returns403()
    {
        await using var app = await RegistryApp.StartAsync(await CreateTablesAsync(azurite));
        using var submitted = await app.Client.PostAsJsonAsync("/api/declarations", Form(1));

        using var response = await SendAsync(app, $"/api/declarations/{Futian}/{CreditCodeFor(1)}/confirm", Shenzhen);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await app.Tables.Storage.Registry.ListEmployersAsync(Futian));
    }

    [Fact]
    public async Task Confirm_Twice_Returns409()
    {
        await using var app = await RegistryApp.StartAsync(await CreateTablesAsync(azurite));
        using var submitted = await app.Client.PostAsJsonAsync("/api/declarations", Form(1));
        using var first = await SendAsync(app, $"/api/declarations/{Futian}/{CreditCodeFor(1)}/confirm", Futian);

        using var second = await SendAsync(app, $"/api/declarations/{Futian}/{CreditCodeFor(1)}/confirm", Futian);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Reject_WithReason_LeavesRegistryEmpty()
    {
        await using var app = await RegistryApp.StartAsync(await CreateTablesAsync(azurite));
        using var submitted = await app.Client.PostAsJsonAsync("/api/declarations", Form(1));

        using var response = await SendAsync(
            app, $"/api/declarations/{Futian}/{CreditCodeFor(1)}/reject", Futian, new { reason = "地址不在本辖区" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await app.Tables.Storage.Registry.ListEmployersAsync(Futian));
        var rejected = await Declarations(app).ListAsync(Futian, DeclarationStatus.Rejected);
        Assert.Equal("地址不在本辖区", Assert.Single(rejected).Reason);
    }

    [Fact]
    public async Task List_WithoutCredential_Returns401()
    {
        await using var app = await RegistryApp.StartAsync(await CreateTablesAsync(azurite));

        using var response = await app.Client.GetAsync(new Uri($"/api/declarations?office={Futian}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Import_OverHttp_ReturnsErrorCsv()
    {
        await using var app = await RegistryApp.StartAsync(await CreateTablesAsync(azurite));
        var text = Csv(EmployerHeader, [EmployerLine(1), EmployerLine(2, office: Nanshan)]);
        using var request = new HttpRequestMessage(
            HttpMethod.Post, new Uri($"/api/registry/employers/import?office={Futian}", UriKind.Relative))
        {
            Content = new StringContent(text, System.Text.Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add(TestCallerResolver.Header, Futian);
        request.Headers.Accept.ParseAdd("text/csv");

        using var response = await app.Client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("X-Import-Created").Single());
        Assert.StartsWith("row,column,value,reason\r\n3,officeCode,440305,", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfficeAboveCaller_Returns403()
    {
        await using var app = await RegistryApp.StartAsync(await CreateTablesAsync(azurite));
        using var request = new HttpRequestMessage(
            HttpMethod.Post, new Uri($"/api/registry/employers/import?office={Shenzhen}", UriKind.Relative))
        {
            Content = new StringContent(Csv(EmployerHeader, [EmployerLine(1)])),
        };
        request.Headers.Add(TestCallerResolver.Header, Futian);

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task History_NeighbourCounty_Returns403()
    {
        await using var app = await RegistryApp.StartAsync(await CreateTablesAsync(azurite));

        using var request = new HttpRequestMessage(
            HttpMethod.Get, new Uri($"/api/registry/employers/{Futian}/{CreditCodeFor(1)}/history", UriKind.Relative));
        request.Headers.Add(TestCallerResolver.Header, Nanshan);
        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static object Form(int number) => new
    {
        creditCode = CreditCodeFor(number),
        name = $"福田{number}号电子有限公司",
        officeCode = Futian,
        address = "深圳市福田区深南大道1号",
        industry = "C",
        headcount = 20,
    };

    private static DeclarationService Declarations(RegistryApp app) =>
        new(app.Tables, new TableHistoryStore(app.Tables), Clock);

    private static async Task<HttpResponseMessage> SendAsync(RegistryApp app, string path, string office, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Add(TestCallerResolver.Header, office);
        return await app.Client.SendAsync(request);
    }
}
