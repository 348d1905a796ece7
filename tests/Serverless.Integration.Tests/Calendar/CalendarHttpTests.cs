using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Host.Local;
using Serverless.Http.Access;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Calendar;

namespace Serverless.Integration.Tests.Calendar;

/// <summary>
/// <c>PUT /api/calendar/{year}</c> and <c>GET /api/calendar</c> on the self-host, with API keys, a real Azurite and
/// the real durable engine, and the bundled year 2026 alone.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CalendarHttpTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CalendarRoutes_WrongKeys_AreRejected()
    {
        await using var host = await StartAsync("CalAuth");
        var keys = host.Harness.Runtime.Services.GetRequiredService<ApiKeyStore>();
        var (_, cityManager) = await keys.CreateAsync(DrawTestData.Shenzhen, CallerRoles.Manager);
        var (_, provinceClerk) = await keys.CreateAsync(DrawTestData.Province, CallerRoles.Clerk);
        var (revokedKey, revoked) = await keys.CreateAsync(DrawTestData.Province, CallerRoles.Manager);
        await keys.RevokeAsync(revokedKey.KeyId);

        using var noKey = await CalendarTestYears.PutAsync(host.Http, "2027", CalendarTestYears.Made2027, null);
        using var revokedPut = await CalendarTestYears.PutAsync(host.Http, "2027", CalendarTestYears.Made2027, revoked);
        using var city = await CalendarTestYears.PutAsync(host.Http, "2027", CalendarTestYears.Made2027, cityManager);
        using var clerk = await CalendarTestYears.PutAsync(
            host.Http, "2027", CalendarTestYears.Made2027, provinceClerk);
        using var listNoKey = await CalendarTestYears.ListAsync(host.Http, null);

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revokedPut.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, city.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, clerk.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, listNoKey.StatusCode);
        Assert.Empty(await new TableCalendarYearStore(host.Harness.Runtime.Storage).ListAsync());
    }

    [Fact]
    public async Task CalendarRoutes_LoadThenList_ShowsStoredYear()
    {
        await using var host = await StartAsync("CalLoad");
        var keys = host.Harness.Runtime.Services.GetRequiredService<ApiKeyStore>();
        var (managerKey, manager) = await keys.CreateAsync(DrawTestData.Province, CallerRoles.Manager);
        var (_, clerk) = await keys.CreateAsync(DrawTestData.Luohu, CallerRoles.Clerk);

        using var before = await CalendarTestYears.ListAsync(host.Http, clerk);
        using var loaded = await CalendarTestYears.PutAsync(host.Http, "2027", CalendarTestYears.Made2027, manager);
        using var repeated = await CalendarTestYears.PutAsync(host.Http, "2027", CalendarTestYears.Made2027, manager);
        var corrected = CalendarTestYears.Made2027.Replace(
            "\"2027-01-01\": \"元旦\",", "\"2027-01-01\": \"元旦\", \"2027-01-04\": \"元旦\",", StringComparison.Ordinal);
        using var replaced = await CalendarTestYears.PutAsync(host.Http, "2027", corrected, manager);
        using var after = await CalendarTestYears.ListAsync(host.Http, clerk);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal([2026], Years(await HttpJson.ReadAsync(before)).Select(y => y.GetProperty("year").GetInt32()));
        Assert.Equal(HttpStatusCode.Created, loaded.StatusCode);
        var answer = await HttpJson.ReadAsync(loaded);
        Assert.Equal("created", answer.GetProperty("change").GetString());
        Assert.Equal(8, answer.GetProperty("holidays").GetInt32());
        Assert.Equal(1, answer.GetProperty("workdays").GetInt32());
        Assert.Equal($"key:{managerKey.KeyId}", answer.GetProperty("loadedBy").GetString());
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal("unchanged", (await HttpJson.ReadAsync(repeated)).GetProperty("change").GetString());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var replacedAnswer = await HttpJson.ReadAsync(replaced);
        Assert.Equal("replaced", replacedAnswer.GetProperty("change").GetString());
        Assert.Equal(2, replacedAnswer.GetProperty("revision").GetInt32());

        var years = Years(await HttpJson.ReadAsync(after));
        Assert.Equal([2026, 2027], years.Select(y => y.GetProperty("year").GetInt32()));
        Assert.Equal("Bundled", years[0].GetProperty("source").GetString());
        Assert.False(years[0].TryGetProperty("loadedBy", out _));
        Assert.Equal("Stored", years[1].GetProperty("source").GetString());
        Assert.Equal(2, years[1].GetProperty("revision").GetInt32());
        Assert.Equal(9, years[1].GetProperty("holidays").GetInt32());
        Assert.Equal($"key:{managerKey.KeyId}", years[1].GetProperty("loadedBy").GetString());
        Assert.True(years[1].TryGetProperty("loadedAt", out _));
    }

    [Fact]
    public async Task PutCalendar_InvalidFile_WritesNothing()
    {
        await using var host = await StartAsync("CalBad");
        var keys = host.Harness.Runtime.Services.GetRequiredService<ApiKeyStore>();
        var (_, manager) = await keys.CreateAsync(DrawTestData.Province, CallerRoles.Manager);

        // Wednesday 2027-02-10 cannot be a make-up working day; the rest of the file is valid.
        var invalid = CalendarTestYears.Made2027.Replace("\"2027-10-09\"", "\"2027-02-10\"", StringComparison.Ordinal);
        using var rejected = await CalendarTestYears.PutAsync(host.Http, "2027", invalid, manager);
        using var wrongYear = await CalendarTestYears.PutAsync(host.Http, "2028", CalendarTestYears.Made2027, manager);
        using var tooLarge = await CalendarTestYears.PutAsync(
            host.Http, "2027", new string(' ', CalendarYearParser.MaxFileBytes + 1), manager);

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var problem = await HttpJson.ReadAsync(rejected);
        Assert.Equal("workdays", problem.GetProperty("field").GetString());
        Assert.Equal("2027-02-10", problem.GetProperty("value").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, wrongYear.StatusCode);
        Assert.Equal("year", (await HttpJson.ReadAsync(wrongYear)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Empty(await new TableCalendarYearStore(host.Harness.Runtime.Storage).ListAsync());
    }

    [Fact]
    public async Task PutCalendar_NamesTooLongToStore_Returns400()
    {
        await using var host = await StartAsync("CalLong");
        var keys = host.Harness.Runtime.Services.GetRequiredService<ApiKeyStore>();
        var (_, manager) = await keys.CreateAsync(DrawTestData.Province, CallerRoles.Manager);

        // Every day of 2031 named with 32 emoji: 64 UTF-16 characters each, the longest name, under 64 KiB as a
        // file, but stored as JSON each emoji is escaped to 12 characters, past the 32K of a table property.
        var name = string.Concat(Enumerable.Repeat("\U0001F600", 32));
        var days = Enumerable.Range(0, 365).Select(day => new DateOnly(2031, 1, 1).AddDays(day))
            .Select(day => $"\"{day:yyyy-MM-dd}\": \"{name}\"");
        var json = $"{{\"year\": 2031, \"holidays\": {{{string.Join(", ", days)}}}, \"workdays\": {{}}}}";

        using var response = await CalendarTestYears.PutAsync(host.Http, "2031", json, manager);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await HttpJson.ReadAsync(response);
        Assert.Equal("holidays", problem.GetProperty("field").GetString());
        Assert.Empty(await new TableCalendarYearStore(host.Harness.Runtime.Storage).ListAsync());
    }

    private async Task<CalendarHost> StartAsync(string name)
    {
        var port = LoopbackPorts.PickFree();
        var harness = await DrawHarness.StartAsync(
            azurite, name, $"http://127.0.0.1:{port}",
            configureServices: services => services.Replace(
                ServiceDescriptor.Singleton(CalendarTestYears.BundledOnly(2026))));
        await harness.Runtime.Storage.Registry.UpsertOfficesAsync(DrawTestData.Create(0, 0).Offices);
        return new CalendarHost(harness, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
    }

    private static List<JsonElement> Years(JsonElement listing) =>
        listing.GetProperty("years").EnumerateArray().ToList();

    private sealed class CalendarHost(DrawHarness harness, HttpClient http) : IAsyncDisposable
    {
        public DrawHarness Harness { get; } = harness;

        public HttpClient Http { get; } = http;

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Harness.DisposeAsync();
        }
    }
}
