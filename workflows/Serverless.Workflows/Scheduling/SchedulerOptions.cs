namespace Serverless.Workflows.Scheduling;

/// <summary>Settings of the draw scheduler.</summary>
public sealed class SchedulerOptions
{
    /// <summary>How far back a tick looks for slots missed while no host ran. Default 31 days.</summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromDays(31);

    /// <summary>
    /// How long before a slot the seed is committed and the pools frozen. Default 48 hours, so the commitment
    /// falls before the draw day in China Standard Time whatever the draw hour.
    /// </summary>
    public TimeSpan CommitmentLead { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// How old a host's claim to start an instance must be before another host may take it over, when the
    /// instance still does not exist. Default 1 minute; a claim is normally followed by the start within a second.
    /// </summary>
    public TimeSpan StartClaimTimeout { get; set; } = TimeSpan.FromMinutes(1);
}
