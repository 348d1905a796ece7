using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Shared.Calendar;
using Serverless.Shared.Milestones;
using Serverless.Shared.Storage;
using Serverless.Workflows.Calendar;

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
    /// Adds the milestone services over the stores of <see cref="WorkflowRegistration.AddInspectionStorage"/>. The
    /// working-day calendar combines the years bundled in <paramref name="calendarDirectory"/> (or in
    /// <see cref="WorkingDayCalendar.FindBundledDirectory"/> when it is null), read on first use, with the years
    /// loaded into storage.
    /// </summary>
    public static IServiceCollection AddMilestones(this IServiceCollection services, string? calendarDirectory = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new BundledCalendarYears(calendarDirectory));
        services.AddSingleton<ICalendarYearStore>(
            provider => new TableCalendarYearStore(provider.GetRequiredService<StorageContext>()));
        services.AddSingleton<WorkingDayCalendarProvider>();
        services.AddSingleton<IPendingMilestoneStore>(
            provider => new TablePendingMilestoneStore(provider.GetRequiredService<StorageContext>()));
        services.AddTransient<PendingMilestoneStarts>();
        services.AddTransient<CalendarLoader>();
        services.AddSingleton(provider => new MilestoneSetStore(provider.GetRequiredService<IRecordStore>()));
        services.AddSingleton(provider => new FilingStore(provider.GetRequiredService<IRecordStore>()));
        services.AddTransient<MilestoneEvaluator>();
        services.AddTransient<MilestoneInstances>();
        services.AddTransient<CheckMilestoneActivity>();
        services.AddTransient<SendMilestoneReminderActivity>();
        return services;
    }
}
