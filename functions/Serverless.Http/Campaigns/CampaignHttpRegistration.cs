using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Http.Access;
using Serverless.Http.Recusals;
using Serverless.Shared.Storage;
using Serverless.Workflows.Campaigns;

namespace Serverless.Http.Campaigns;

/// <summary>Registers the campaign and recusal handlers, with the caller resolver each host uses.</summary>
public static class CampaignHttpRegistration
{
    /// <summary>Adds the handlers and the campaign workflows' services.</summary>
    public static IServiceCollection AddCampaignHandlers(this IServiceCollection services)
    {
        services.AddCampaignWorkflows();
        services.AddTransient<CallerAccess>();
        services.AddTransient<CampaignHandlers>();
        services.AddTransient<RecusalHandlers>();
        return services;
    }

    /// <summary>Identifies callers by API keys stored in the registered storage (the self-host).</summary>
    public static IServiceCollection AddApiKeyCallers(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ApiKeyStore(
            provider.GetRequiredService<StorageContext>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ICallerResolver, ApiKeyCallerResolver>();
        return services;
    }

    /// <summary>Identifies callers by App Service authentication's client principal header (Azure Functions).</summary>
    public static IServiceCollection AddClientPrincipalCallers(this IServiceCollection services)
    {
        services.TryAddSingleton<ICallerResolver, ClientPrincipalCallerResolver>();
        return services;
    }
}
