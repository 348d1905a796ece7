using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Shared.Notifications;
using Serverless.Shared.Publication;
using Serverless.Shared.Storage;
using Serverless.Workflows.Activities;
using Serverless.Workflows.Draws;
using Serverless.Workflows.Orchestrations;
using Serverless.Workflows.Publication;
using Serverless.Workflows.Scheduling;

namespace Serverless.Workflows;

/// <summary>Registers the workflows' tasks and services. Storage and the notice sender come from the host.</summary>
public static class WorkflowRegistration
{
    /// <summary>Adds every orchestrator and activity under its <see cref="TaskNames"/> name.</summary>
    public static DurableTaskRegistry AddInspectionTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<DrawOrchestrator>(TaskNames.DrawOrchestrator);
        registry.AddOrchestrator<CommitmentOrchestrator>(TaskNames.CommitmentOrchestrator);
        registry.AddActivity<PrepareDrawActivity>(TaskNames.PrepareDraw);
        registry.AddActivity<CommitSeedActivity>(TaskNames.CommitSeed);
        registry.AddActivity<DrawOfficeActivity>(TaskNames.DrawOffice);
        registry.AddActivity<SendDrawNoticeActivity>(TaskNames.SendDrawNotice);
        registry.AddActivity<CompleteDrawActivity>(TaskNames.CompleteDraw);
        registry.AddActivity<AppendChainActivity>(TaskNames.AppendChain);
        return registry;
    }

    /// <summary>Adds the services the activities and the scheduler use, and the activities themselves.</summary>
    public static IServiceCollection AddInspectionWorkflows(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SchedulerOptions>();
        services.AddTransient<PoolFreezer>();
        services.AddTransient<SeedCommitter>();
        services.AddTransient<DrawVerifier>();
        services.AddTransient<DrawScheduler>();
        services.AddTransient<PrepareDrawActivity>();
        services.AddTransient<CommitSeedActivity>();
        services.AddTransient<DrawOfficeActivity>();
        services.TryAddSingleton<DrawNoticeSources>();
        services.AddTransient<SendDrawNoticeActivity>();
        services.AddTransient<CompleteDrawActivity>();
        services.TryAddSingleton<PublicationChain>();
        services.AddTransient<AppendChainActivity>();
        return services;
    }

    /// <summary>Adds the stores of one storage account.</summary>
    public static IServiceCollection AddInspectionStorage(this IServiceCollection services, StorageContext storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        services.AddSingleton(storage);
        services.AddSingleton(storage.Registry);
        services.AddSingleton(storage.Records);
        services.AddSingleton(storage.Assignments);
        services.AddSingleton(storage.Outbox);
        services.AddSingleton(storage.Commitments);
        return services;
    }

    /// <summary>
    /// Adds the notice sender: SMTP when <paramref name="smtp"/> names a host, otherwise .eml files in
    /// <paramref name="emlFolder"/>.
    /// </summary>
    public static IServiceCollection AddInspectionNotices(this IServiceCollection services, SmtpOptions smtp, string emlFolder)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(smtp));
        services.AddSingleton<NoticeMessageBuilder>();
        if (smtp.IsConfigured)
        {
            services.AddSingleton<INoticeSender, SmtpNoticeSender>();
        }
        else
        {
            services.AddSingleton<INoticeSender>(provider => new EmlFolderNoticeSender(
                emlFolder,
                provider.GetRequiredService<NoticeMessageBuilder>(),
                provider.GetRequiredService<ILogger<EmlFolderNoticeSender>>()));
        }

        return services;
    }
}
