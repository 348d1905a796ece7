using System.Net.Http.Headers;
using System.Text;
using Serverless.Http.Access;
using Serverless.Shared.Calendar;
using Serverless.Shared.Milestones;

namespace Serverless.Integration.Tests.Calendar;

/// <summary>Calendar years for tests: the bundled years limited to chosen ones, and a made-up 2027.</summary>
internal static class CalendarTestYears
{
    /// <summary>
    /// A made-up 2027 for tests, not the State Council's arrangement: New Year's Day on Friday 2027-01-01, the
    /// National Day week, and Saturday 2027-10-09 as its make-up working day.
    /// </summary>
    public const string Made2027 = """
        {
          "year": 2027,
          "holidays": {
            "2027-01-01": "元旦",
            "2027-10-01": "国庆节",
            "2027-10-02": "国庆节",
            "2027-10-03": "国庆节",
            "2027-10-04": "国庆节",
            "2027-10-05": "国庆节",
            "2027-10-06": "国庆节",
            "2027-10-07": "国庆节"
          },
          "workdays": {
            "2027-10-09": "国庆节"
          }
        }
        """;

    private static readonly IReadOnlyList<CalendarYear> Bundled =
        WorkingDayCalendar.LoadYears(WorkingDayCalendar.FindBundledDirectory());

    /// <summary>The made-up 2027 as a parsed year.</summary>
    public static CalendarYear Year2027 { get; } = CalendarYearParser.Parse(Encoding.UTF8.GetBytes(Made2027));

    /// <summary>
    /// Returns the bundled years among <paramref name="years"/> only, so a test that needs 2027 to be missing keeps
    /// passing after a release bundles 2027.
    /// </summary>
    public static BundledCalendarYears BundledOnly(params int[] years) =>
        new(Bundled.Where(year => years.Contains(year.Year)));

    /// <summary>Sends <c>PUT /api/calendar/{year}</c> with a JSON body and, unless null, an API key.</summary>
    public static async Task<HttpResponseMessage> PutAsync(HttpClient http, string year, string json, string? apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/calendar/{year}", UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (apiKey is not null)
        {
            request.Headers.Add(ApiKeyCallerResolver.Header, apiKey);
        }

        return await http.SendAsync(request);
    }

    /// <summary>Sends <c>GET /api/calendar</c> with an API key unless it is null.</summary>
    public static async Task<HttpResponseMessage> ListAsync(HttpClient http, string? apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/calendar", UriKind.Relative));
        if (apiKey is not null)
        {
            request.Headers.Add(ApiKeyCallerResolver.Header, apiKey);
        }

        return await http.SendAsync(request);
    }
}
