namespace Serverless.Shared.Storage;

/// <summary>Delivery state of one notice in the outbox.</summary>
public enum NoticeState
{
    /// <summary>Recorded, not yet handed to the sender.</summary>
    Pending,

    /// <summary>Claimed by a sender. A notice left in this state may have been sent, so it is never sent again.</summary>
    Sending,

    /// <summary>Accepted by the SMTP server or written to the .eml folder.</summary>
    Sent,
}
