using Serverless.Shared.Milestones;

namespace Serverless.Workflows.Tests.Milestones;

/// <summary>The calendar files of the checkout, found from the test's output folder.</summary>
internal static class BundledCalendar
{
    public static WorkingDayCalendar Calendar { get; } = WorkingDayCalendar.Load(Directory);

    public static string Directory
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Serverless.sln")))
                {
                    return Path.Combine(folder.FullName, WorkingDayCalendar.RelativeDirectory);
                }
            }

            throw new DirectoryNotFoundException("No folder above the test output holds Serverless.sln.");
        }
    }
}
