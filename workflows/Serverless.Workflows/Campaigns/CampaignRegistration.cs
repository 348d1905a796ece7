using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Storage;

namespace Serverless.Workflows.Campaigns;

/// <summary>Registers the campaign tasks and services in either host.</summary>
public static class CampaignRegistration
{
    /// <summary>Adds the campaign orchestrator and activities under their <see cref="CampaignTaskNames"/> names.</summary>
    public static DurableTaskRegistry AddCampaignTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<CampaignOrchestrator>(CampaignTaskNames.CampaignOrchestrator);
        registry.AddActivity<PrepareCampaignActivity>(CampaignTaskNames.PrepareCampaign);
        registry.AddActivity<DrawCampaignOfficeActivity>(CampaignTaskNames.DrawCampaignOffice);
        registry.AddActivity<SendCampaignNoticeActivity>(CampaignTaskNames.SendCampaignNotice);
        return registry;
    }

    /// <summary>Adds the campaign store on the registered storage, the activities and the campaign services.</summary>
    public static IServiceCollection AddCampaignWorkflows(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICampaignStore>(provider => new TableCampaignStore(provider.GetRequiredService<StorageContext>()));
        services.TryAddSingleton<IDepartmentStore>(
            provider => new TableDepartmentStore(provider.GetRequiredService<StorageContext>()));
        services.AddTransient<CampaignPoolFreezer>();
        services.AddTransient<OutboxNotices>();
        services.AddTransient<CampaignFeasibility>();
        services.AddTransient<CampaignStarter>();
        services.AddTransient<CampaignCanceller>();
        services.AddTransient<RecusalService>();
        services.AddTransient<PrepareCampaignActivity>();
        services.AddTransient<DrawCampaignOfficeActivity>();
        services.AddTransient<SendCampaignNoticeActivity>();
        return services;
    }
}
