namespace Serverless.Workflows.Milestones;

/// <summary>
/// The clock of a milestone orchestration. Plan time starts at <see cref="Origin"/> when the instance starts and
/// runs <see cref="Scale"/> times faster than the orchestration's time, so a test can place the clock in 2016
/// and run months in seconds. The default runs on the orchestration's own time.
/// </summary>
/// <param name="Origin">Plan time at the start of the instance, or null for the instance's start time.</param>
/// <param name="Scale">Plan seconds per second of orchestration time, 1 or more.</param>
public sealed record MilestoneClock(DateTimeOffset? Origin = null, double Scale = 1)
{
    /// <summary>The unscaled clock.</summary>
    public static MilestoneClock RealTime { get; } = new();
}
