using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Host.Scheduling;
using Serverless.Shared.Domain;

namespace Serverless.Integration.Tests.Engine;

public sealed class CronTickerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("0 */1 * * * *", "2026-03-01T08:01:00+00:00")]
    [InlineData("*/10 * * * * *", "2026-03-01T08:00:40+00:00")]
    [InlineData("0 0 2 * * *", "2026-03-02T02:00:00+00:00")]
    [InlineData("0 0 9 * * 1", "2026-03-02T09:00:00+00:00")]
    public void GetNextOccurrence_Schedule_ReturnsUtcOccurrence(string schedule, string expected)
    {
        using var ticker = CreateTicker(schedule, TimeProvider.System, (_, _) => Task.CompletedTask);

        var next = ticker.GetNextOccurrence(Start);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public void GetNextOccurrence_OnOccurrence_ReturnsFollowingOne()
    {
        using var ticker = CreateTicker("0 */1 * * * *", TimeProvider.System, (_, _) => Task.CompletedTask);

        var next = ticker.GetNextOccurrence(new DateTimeOffset(2026, 3, 1, 8, 1, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 2, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void GetNextOccurrence_OtherOffset_ConvertsToUtc()
    {
        using var ticker = CreateTicker("0 0 * * * *", TimeProvider.System, (_, _) => Task.CompletedTask);

        var next = ticker.GetNextOccurrence(new DateTimeOffset(2026, 3, 1, 16, 30, 0, TimeSpan.FromHours(8)));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), next);
    }

    [Theory]
    [InlineData("*/1 * * * *")]
    [InlineData("not a schedule")]
    [InlineData("61 * * * * *")]
    public void Constructor_InvalidSchedule_ThrowsForField(string schedule)
    {
        var error = Assert.Throws<ValidationException>(
            () => CreateTicker(schedule, TimeProvider.System, (_, _) => Task.CompletedTask));

        Assert.Equal("schedule", error.Field);
        Assert.Equal(schedule, error.Value);
    }

    [Fact]
    public async Task Execute_ClockPassesOccurrences_CallsHandlerWithEach()
    {
        var clock = new ManualTimeProvider(Start);
        var ticks = Channel.CreateUnbounded<DateTimeOffset>();
        using var ticker = CreateTicker("0 */1 * * * *", clock, (occurrence, _) =>
        {
            ticks.Writer.TryWrite(occurrence);
            return Task.CompletedTask;
        });

        await ticker.StartAsync(CancellationToken.None);
        var first = await AdvanceUntilTickAsync(clock, ticks.Reader, TimeSpan.FromSeconds(30));
        var second = await AdvanceUntilTickAsync(clock, ticks.Reader, TimeSpan.FromMinutes(1));
        await ticker.StopAsync(CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 1, 0, TimeSpan.Zero), first);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 2, 0, TimeSpan.Zero), second);
    }

    [Fact]
    public async Task Execute_HandlerThrows_KeepsTicking()
    {
        var clock = new ManualTimeProvider(Start);
        var ticks = Channel.CreateUnbounded<DateTimeOffset>();
        using var ticker = CreateTicker("0 */1 * * * *", clock, (occurrence, _) =>
        {
            ticks.Writer.TryWrite(occurrence);
            throw new InvalidOperationException("tick failed");
        });

        await ticker.StartAsync(CancellationToken.None);
        await AdvanceUntilTickAsync(clock, ticks.Reader, TimeSpan.FromSeconds(30));
        var afterFailure = await AdvanceUntilTickAsync(clock, ticks.Reader, TimeSpan.FromMinutes(1));
        await ticker.StopAsync(CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 2, 0, TimeSpan.Zero), afterFailure);
        Assert.NotNull(ticker.ExecuteTask);
        Assert.True(ticker.ExecuteTask.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Execute_Stopped_EndsWithoutTick()
    {
        var clock = new ManualTimeProvider(Start);
        var calls = 0;
        using var ticker = CreateTicker("0 */1 * * * *", clock, (_, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });

        await ticker.StartAsync(CancellationToken.None);
        await ticker.StopAsync(CancellationToken.None);

        Assert.Equal(0, calls);
        Assert.NotNull(ticker.ExecuteTask);
        Assert.False(ticker.ExecuteTask.IsFaulted);
    }

    private static CronTicker CreateTicker(string schedule, TimeProvider clock,
        Func<DateTimeOffset, CancellationToken, Task> onTick) =>
        new(schedule, clock, onTick, NullLogger<CronTicker>.Instance);

    /// <summary>
    /// Waits until the ticker waits on a timer, moves the clock by <paramref name="step"/> and returns the next
    /// tick. The 30-second limit only keeps a broken ticker from hanging the run.
    /// </summary>
    private static async Task<DateTimeOffset> AdvanceUntilTickAsync(ManualTimeProvider clock,
        ChannelReader<DateTimeOffset> ticks, TimeSpan step)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (clock.PendingTimers == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), limit.Token);
        }

        clock.Advance(step);
        return await ticks.ReadAsync(limit.Token);
    }
}
