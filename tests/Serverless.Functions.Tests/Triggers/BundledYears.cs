using Serverless.Shared.Calendar;
using Serverless.Shared.Milestones;

namespace Serverless.Functions.Tests.Triggers;

/// <summary>
/// Bundled calendar years limited to chosen years, so a test that needs a year to be missing keeps passing after
/// the release bundles that year.
/// </summary>
internal static class BundledYears
{
    private static readonly IReadOnlyList<CalendarYear> All =
        WorkingDayCalendar.LoadYears(WorkingDayCalendar.FindBundledDirectory());

    /// <summary>Returns the bundled years among <paramref name="years"/> only.</summary>
    public static BundledCalendarYears Only(params int[] years) =>
        new(All.Where(year => years.Contains(year.Year)));
}
