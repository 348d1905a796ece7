namespace Serverless.Integration.Tests.Notifications;

/// <summary>A clock that always returns the same instant, so built messages are byte-for-byte repeatable.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
