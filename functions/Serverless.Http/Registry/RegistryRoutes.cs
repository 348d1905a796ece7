using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Http.Registry;

/// <summary>
/// Maps the registry, declaration and exchange handlers as minimal API routes in the self-host. Writes get the
/// durable client when the host has one, so the milestone orchestrations hear of registry changes.
/// </summary>
public static class RegistryRoutes
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/registry/{kind}/import", (HttpContext context, string kind, RegistryHandlers handlers) =>
            handlers.ImportAsync(context, kind, context.RequestServices.GetService<DurableTaskClient>()));
        app.MapGet("/api/registry/{kind}", (HttpContext context, string kind, RegistryHandlers handlers) =>
            handlers.ListAsync(context, kind));
        app.MapPost("/api/registry/{kind}/{office}/{key}/status", (
            HttpContext context, string kind, string office, string key, RegistryHandlers handlers) =>
            handlers.SetStatusAsync(context, kind, office, key, context.RequestServices.GetService<DurableTaskClient>()));
        app.MapGet("/api/registry/{kind}/{office}/{key}/history", (
            HttpContext context, string kind, string office, string key, RegistryHandlers handlers) =>
            handlers.HistoryAsync(context, kind, office, key));

        app.MapPost("/api/declarations", (HttpContext context, DeclarationHandlers handlers) =>
            handlers.SubmitAsync(context));
        app.MapGet("/api/declarations", (HttpContext context, DeclarationHandlers handlers) =>
            handlers.ListAsync(context));
        app.MapPost("/api/declarations/{office}/{creditCode}/confirm", (
            HttpContext context, string office, string creditCode, DeclarationHandlers handlers) =>
            handlers.ConfirmAsync(context, office, creditCode, context.RequestServices.GetService<DurableTaskClient>()));
        app.MapPost("/api/declarations/{office}/{creditCode}/reject", (
            HttpContext context, string office, string creditCode, DeclarationHandlers handlers) =>
            handlers.RejectAsync(context, office, creditCode));

        app.MapGet("/api/exchange/draws/{drawId}", (HttpContext context, string drawId, ExchangeHandlers handlers) =>
            handlers.ExportDrawResultsAsync(context, drawId));
        app.MapGet("/api/exchange/inspections", (HttpContext context, ExchangeHandlers handlers) =>
            handlers.ExportInspectionResultsAsync(context));
        app.MapGet("/api/exchange/dishonest", (HttpContext context, ExchangeHandlers handlers) =>
            handlers.ExportDishonestAsync(context));
        app.MapPost("/api/exchange/dishonest", (HttpContext context, ExchangeHandlers handlers) =>
            handlers.ImportDishonestAsync(context));
    }
}
