using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Shared.Milestones;
using Serverless.Shared.Storage;

namespace Serverless.Workflows.Milestones;

/// <summary>Registers the milestone orchestrator, its activities and services.</summary>
public static class MilestoneRegistration
{
    /// <summary>Adds the milestone orchestrator and activities under their <see cref="MilestoneTaskNames"/>.</summary>
    public static DurableTaskRegistry AddMilestoneTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<MilestoneOrchestrator>(MilestoneTaskNames.Orchestrator);
        registry.AddActivity<CheckMilestoneActivity>(MilestoneTaskNames.Check);
        registry.AddActivity<SendMilestoneReminderActivity>(MilestoneTaskNames.SendReminder);
        return registry;
    }

    /// <summary>
    /// Adds the milestone services over the stores of <see cref="WorkflowRegistration.AddInspectionStorage"/>,
    /// with the working-day calendar read on first use from <paramref name="calendarDirectory"/>, or from
    /// <see cref="WorkingDayCalendar.FindBundledDirectory"/> when it is null.
    /// </summary>
    public static IServiceCollection AddMilestones(this IServiceCollection services, string? calendarDirectory = null)
    {
        services.AddSingleton(_ => WorkingDayCalendar.Load(calendarDirectory ?? WorkingDayCalendar.FindBundledDirectory()));
        services.AddSingleton(provider => new MilestoneSetStore(provider.GetRequiredService<IRecordStore>()));
        services.AddSingleton(provider => new FilingStore(provider.GetRequiredService<IRecordStore>()));
        services.AddTransient<MilestoneEvaluator>();
        services.AddTransient<MilestoneInstances>();
        services.AddTransient<CheckMilestoneActivity>();
        services.AddTransient<SendMilestoneReminderActivity>();
        return services;
    }
}
