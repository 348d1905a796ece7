namespace Serverless.Shared.Campaigns;

/// <summary>Why an assigned officer leaves a team (回避).</summary>
public enum RecusalKind
{
    /// <summary>The officer has a conflict of interest with the target; only that target is affected.</summary>
    Conflict,

    /// <summary>The officer is unavailable; no later replacement in the same draw picks the officer.</summary>
    Unavailable,
}
