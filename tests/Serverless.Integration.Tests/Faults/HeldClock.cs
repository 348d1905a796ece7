namespace Serverless.Integration.Tests.Faults;

/// <summary>
/// A clock that holds one reading until the test releases it. The registry services read the clock between
/// reading a row and writing it, so holding that reading keeps a writer in the window where a second writer can
/// change the row first.
/// </summary>
internal sealed class HeldClock(DateTimeOffset now) : TimeProvider, IDisposable
{
    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim released = new(false);
    private int holdNext;

    /// <summary>Completes when the held reading has started.</summary>
    public Task Reached => reached.Task;

    /// <summary>Makes the next reading wait for <see cref="Release"/>.</summary>
    public void HoldNextReading() => Volatile.Write(ref holdNext, 1);

    /// <summary>Lets the held reading return.</summary>
    public void Release() => released.Set();

    public override DateTimeOffset GetUtcNow()
    {
        if (Interlocked.Exchange(ref holdNext, 0) == 1)
        {
            reached.TrySetResult();
            if (!released.Wait(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("The held clock reading was not released within 30 seconds.");
            }
        }

        return now;
    }

    public void Dispose() => released.Dispose();
}
