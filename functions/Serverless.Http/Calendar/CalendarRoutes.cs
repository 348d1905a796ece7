using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Http.Calendar;

/// <summary>Registers the calendar handlers and maps their routes in the self-host.</summary>
public static class CalendarRoutes
{
    /// <summary>
    /// Adds the handlers. The caller checks come from <c>AddRegistryManagement</c> and the calendar and milestone
    /// services from <c>AddMilestones</c>, which both hosts add.
    /// </summary>
    public static IServiceCollection AddCalendarHandlers(this IServiceCollection services)
    {
        services.AddTransient<CalendarHandlers>();
        return services;
    }

    /// <summary>Maps <c>PUT /api/calendar/{year}</c> and <c>GET /api/calendar</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPut("/api/calendar/{year}", (
            HttpContext context, string year, CalendarHandlers handlers, DurableTaskClient client) =>
            handlers.PutYearAsync(context, client, year));
        app.MapGet("/api/calendar", (HttpContext context, CalendarHandlers handlers) => handlers.ListAsync(context));
    }
}
