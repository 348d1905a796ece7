namespace Serverless.Workflows.Orchestrations;

/// <summary>What the notice activity did.</summary>
public enum NoticeOutcome
{
    /// <summary>This run sent the notice.</summary>
    Sent,

    /// <summary>An earlier run had sent or claimed the notice, so nothing was sent.</summary>
    AlreadyHandled,
}
