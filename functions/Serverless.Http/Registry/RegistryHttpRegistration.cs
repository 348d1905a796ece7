using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Registry;
using Serverless.Shared.Storage;

namespace Serverless.Http.Registry;

/// <summary>Registers registry management and its HTTP handlers; needs a <see cref="StorageContext"/> and an
/// <see cref="Access.ICallerResolver"/> in the container.</summary>
public static class RegistryHttpRegistration
{
    /// <summary>Declarations a client may send at once, and again every <see cref="DeclarationPeriod"/>.</summary>
    public const int DeclarationsPerPeriod = 5;

    /// <summary>Replenishment period of a client's declaration tokens.</summary>
    public static readonly TimeSpan DeclarationPeriod = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Adds the registry services and handlers. <paramref name="behindForwardingProxy"/> keys the declaration
    /// rate limit by the X-Forwarded-For address, as the Azure Functions host requires.
    /// </summary>
    public static IServiceCollection AddRegistryManagement(this IServiceCollection services, bool behindForwardingProxy)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new RegistryTables(provider.GetRequiredService<StorageContext>()));
        services.AddSingleton<TableHistoryStore>();
        services.AddSingleton(provider => new RegistryImporter(
            provider.GetRequiredService<RegistryTables>(), provider.GetRequiredService<TableHistoryStore>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetService<ILogger<RegistryImporter>>()));
        services.AddSingleton<DishonestImporter>();
        services.AddSingleton<DeclarationService>();
        services.AddSingleton<RegistryStatusService>();
        services.AddSingleton<ExchangeExporter>();
        services.AddSingleton(_ => new DeclarationRateLimiter(
            DeclarationsPerPeriod, DeclarationPeriod, behindForwardingProxy));
        services.AddSingleton<RegistryAccess>();
        services.AddSingleton<RegistryHandlers>();
        services.AddSingleton<DeclarationHandlers>();
        services.AddSingleton<ExchangeHandlers>();
        return services;
    }
}
