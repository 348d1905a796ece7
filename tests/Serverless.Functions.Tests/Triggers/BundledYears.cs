using Serverless.Shared.Calendar;
using Serverless.Shared.Milestones;

namespace Serverless.Functions.Tests.Triggers;

/// <summary>
/// Bundled calendar folders limited to chosen years, so a test that needs a year to be missing keeps passing after
/// the release bundles that year.
/// </summary>
internal static class BundledYears
{
    /// <summary>Returns the bundled years of a temporary folder with copies of the given years' files only.</summary>
    public static BundledCalendarYears Only(params int[] years)
    {
        var source = WorkingDayCalendar.FindBundledDirectory();
        var folder = Directory.CreateTempSubdirectory("calendar").FullName;
        foreach (var year in years)
        {
            var name = $"{year}.json";
            File.Copy(Path.Combine(source, name), Path.Combine(folder, name));
        }

        return new BundledCalendarYears(folder);
    }
}
