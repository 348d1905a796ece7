using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Shared.Registry;
using Serverless.Shared.Storage;

namespace Serverless.Http.Inspections;

/// <summary>Registers the inspection result handler and maps its route in the self-host.</summary>
public static class InspectionResultRoutes
{
    /// <summary>
    /// Adds the handler and the result store. The caller checks come from <c>AddRegistryManagement</c> and the
    /// milestone services from <c>AddMilestones</c>, which both hosts add.
    /// </summary>
    public static IServiceCollection AddInspectionResultHandlers(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new RegistryTables(provider.GetRequiredService<StorageContext>()));
        services.TryAddSingleton(provider => new TableInspectionResultStore(provider.GetRequiredService<RegistryTables>()));
        services.TryAddSingleton<IInspectionResultStore>(provider => provider.GetRequiredService<TableInspectionResultStore>());
        services.AddTransient<InspectionResultHandlers>();
        return services;
    }

    /// <summary>Maps <c>POST /api/draws/{drawId}/results</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/draws/{drawId}/results", (
            HttpContext context, string drawId, InspectionResultHandlers handlers, DurableTaskClient client) =>
            handlers.EnterAsync(context, client, drawId));
    }
}
