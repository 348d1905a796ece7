namespace Serverless.Shared.Storage;

/// <summary>
/// Outbox of notices keyed by draw (partition) and recipient (row), so each notice is sent at most once
/// even when the sending activity runs twice.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Records a pending notice unless one exists for that draw and recipient.</summary>
    Task AddIfMissingAsync(string drawId, string recipientId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a pending notice to <see cref="NoticeState.Sending"/> with an ETag check. Returns false when the
    /// notice is not pending any more (another run claimed or sent it), so the caller must not send.
    /// </summary>
    Task<bool> TryClaimAsync(string drawId, string recipientId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a notice claimed by <see cref="TryClaimAsync"/> back to pending after its sender failed before
    /// handing it over, so a retry can send it.
    /// </summary>
    Task ReleaseAsync(string drawId, string recipientId, CancellationToken cancellationToken = default);

    Task MarkSentAsync(string drawId, string recipientId, string messageId, CancellationToken cancellationToken = default);

    Task<NoticeState?> GetStateAsync(string drawId, string recipientId, CancellationToken cancellationToken = default);

    /// <summary>Counts the notices of a draw by state.</summary>
    Task<IReadOnlyDictionary<NoticeState, int>> CountAsync(string drawId, CancellationToken cancellationToken = default);
}
