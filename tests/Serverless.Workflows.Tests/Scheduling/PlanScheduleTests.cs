using Serverless.Shared.Domain;
using Serverless.Workflows.Scheduling;

namespace Serverless.Workflows.Tests.Scheduling;

public sealed class PlanScheduleTests
{
    private const string NineOnFirst = "0 9 1 * *";

    private static readonly DateTimeOffset November = Utc(2026, 11, 1, 1);
    private static readonly DateTimeOffset December = Utc(2026, 12, 1, 1);
    private static readonly DateTimeOffset January = Utc(2027, 1, 1, 1);

    [Fact]
    public void NextAfter_NineInChina_IsOneUtc()
    {
        var next = new PlanSchedule(NineOnFirst).NextAfter(Utc(2026, 11, 15, 0));

        Assert.Equal(December, next);
        Assert.Equal(TimeSpan.Zero, next?.Offset);
    }

    [Fact]
    public void NextAfter_SevenInChina_IsPreviousUtcDay()
    {
        var next = new PlanSchedule("0 7 1 * *").NextAfter(Utc(2026, 11, 15, 0));

        Assert.Equal(Utc(2026, 11, 30, 23), next);
    }

    [Fact]
    public void NextAfter_AtSlot_ReturnsFollowingSlot()
    {
        var next = new PlanSchedule(NineOnFirst).NextAfter(December);

        Assert.Equal(January, next);
    }

    [Fact]
    public void NextAfter_NeverFires_ReturnsNull()
    {
        var next = new PlanSchedule("0 9 30 2 *").NextAfter(December);

        Assert.Null(next);
    }

    [Fact]
    public void SlotsBetween_SlotAtStart_IsExcluded()
    {
        var slots = new PlanSchedule(NineOnFirst).SlotsBetween(December, December.AddDays(10));

        Assert.Empty(slots);
    }

    [Fact]
    public void SlotsBetween_SlotAtEnd_IsIncluded()
    {
        var slots = new PlanSchedule(NineOnFirst).SlotsBetween(December.AddDays(-10), December);

        Assert.Equal([December], slots);
    }

    [Fact]
    public void SlotsBetween_BothEnds_ReturnsEnd()
    {
        var slots = new PlanSchedule(NineOnFirst).SlotsBetween(December, January);

        Assert.Equal([January], slots);
    }

    [Fact]
    public void SlotsBetween_ThreeMonths_ReturnsEachInUtc()
    {
        var slots = new PlanSchedule(NineOnFirst).SlotsBetween(Utc(2026, 10, 15, 0), Utc(2027, 1, 15, 0)).ToList();

        Assert.Equal([November, December, January], slots);
        Assert.All(slots, slot => Assert.Equal(TimeSpan.Zero, slot.Offset));
    }

    [Fact]
    public void SlotsBetween_OffsetInput_ComparesInstants()
    {
        var beijing = TimeSpan.FromHours(8);
        var from = new DateTimeOffset(2026, 11, 30, 9, 0, 0, beijing);
        var to = new DateTimeOffset(2026, 12, 1, 9, 0, 0, beijing);

        var slots = new PlanSchedule(NineOnFirst).SlotsBetween(from, to);

        Assert.Equal([December], slots);
    }

    [Theory]
    [InlineData("not a cron")]
    [InlineData("61 9 1 * *")]
    [InlineData("0 0 9 1 * *")]
    [InlineData("0 9 1 *")]
    [InlineData("")]
    public void Constructor_InvalidExpression_RaisesValidationException(string cron)
    {
        var exception = Assert.Throws<ValidationException>(() => new PlanSchedule(cron));

        Assert.Equal("schedule", exception.Field);
        Assert.Equal(cron, exception.Value);
        Assert.StartsWith($"schedule '{cron}' ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LatestAtOrBefore_AtSlot_ReturnsSlot()
    {
        var latest = new PlanSchedule(NineOnFirst).LatestAtOrBefore(December, TimeSpan.FromDays(31));

        Assert.Equal(December, latest);
    }

    [Fact]
    public void LatestAtOrBefore_AfterSlot_ReturnsSlot()
    {
        var latest = new PlanSchedule(NineOnFirst).LatestAtOrBefore(December.AddDays(3), TimeSpan.FromDays(31));

        Assert.Equal(December, latest);
    }

    [Fact]
    public void LatestAtOrBefore_Several_ReturnsLatest()
    {
        var latest = new PlanSchedule("0 9 * * *").LatestAtOrBefore(Utc(2026, 12, 5, 3), TimeSpan.FromDays(31));

        Assert.Equal(Utc(2026, 12, 5, 1), latest);
    }

    [Fact]
    public void LatestAtOrBefore_NoneInWindow_ReturnsNull()
    {
        var latest = new PlanSchedule(NineOnFirst).LatestAtOrBefore(December.AddDays(3), TimeSpan.FromDays(2));

        Assert.Null(latest);
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour) =>
        new(year, month, day, hour, 0, 0, TimeSpan.Zero);
}
