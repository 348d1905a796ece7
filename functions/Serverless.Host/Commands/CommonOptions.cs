using System.CommandLine;
using System.Globalization;
using Serverless.Shared.Domain;
using Serverless.Workflows.Scheduling;

namespace Serverless.Host.Commands;

/// <summary>Options and helpers shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string?> DataDirectory() => new("--data-dir")
    {
        Description = "Folder for local state (Azurite files, exported records, .eml notices). Default: .data in the checkout.",
    };

    public static Option<string> Plan() => new("--plan")
    {
        Description = "Plan id.",
        DefaultValueFactory = _ => "gd-monthly",
    };

    public static Option<string?> Slot() => new("--slot")
    {
        Description = "Schedule slot to draw, as an ISO 8601 time (for example 2026-12-01T09:00+08:00). Default: the plan's latest slot.",
    };

    /// <summary>Returns the given slot, or the plan's latest slot up to now within the last 400 days.</summary>
    public static DateTimeOffset ResolveSlot(string? slot, DrawPlan plan, DateTimeOffset now)
    {
        if (slot is not null)
        {
            return DateTimeOffset.TryParse(slot, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed.ToUniversalTime()
                : throw new ValidationException("--slot", slot, "is not an ISO 8601 date and time");
        }

        return new PlanSchedule(plan.Schedule).LatestAtOrBefore(now, TimeSpan.FromDays(400))
            ?? throw new ValidationException("--slot", null, $"is missing and plan {plan.PlanId} had no slot in the last 400 days");
    }
}
