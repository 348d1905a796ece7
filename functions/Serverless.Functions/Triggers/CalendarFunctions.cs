using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Http.Calendar;

namespace Serverless.Functions.Triggers;

/// <summary>
/// HTTP triggers of the working-day calendar over the shared handlers, which write each response themselves.
/// Callers are identified by App Service authentication's client principal header.
/// </summary>
public sealed class CalendarFunctions(CalendarHandlers handlers)
{
    /// <summary><c>PUT /api/calendar/{year}</c>: loads a year of the holiday arrangement.</summary>
    [Function("PutCalendarYear")]
    public async Task<IActionResult> PutYearAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "calendar/{year}")] HttpRequest request,
        string year,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        await handlers.PutYearAsync(request.HttpContext, client, year);
        return new EmptyResult();
    }

    /// <summary><c>GET /api/calendar</c>: lists the covered years with their source.</summary>
    [Function("ListCalendarYears")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calendar")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await handlers.ListAsync(request.HttpContext);
        return new EmptyResult();
    }
}
