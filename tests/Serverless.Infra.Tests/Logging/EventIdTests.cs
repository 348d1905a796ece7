namespace Serverless.Infra.Tests.Logging;

/// <summary>
/// The app has one event-id table, in docs/OPERATIONS.md; these tests hold every <c>[LoggerMessage]</c> of the
/// product assemblies to it.
/// </summary>
public sealed class EventIdTests
{
    [Fact]
    public void Scan_ProductAssemblies_FindsMessages()
    {
        Assert.Contains(LoggerMessages.Assemblies, a => a.GetName().Name == "Serverless.Workflows");
        Assert.Contains(LoggerMessages.Assemblies, a => a.GetName().Name == "Serverless.Host");
        Assert.NotEmpty(LoggerMessages.All);
    }

    [Fact]
    public void EventIds_AcrossAssemblies_AreUnique()
    {
        var duplicates = LoggerMessages.All
            .GroupBy(message => message.EventId)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(m => m.Name))}")
            .ToList();

        Assert.True(duplicates.Count == 0, "duplicate event ids:\n" + string.Join("\n", duplicates));
    }

    [Fact]
    public void EventIds_AreSetExplicitly()
    {
        var unset = LoggerMessages.All.Where(message => message.EventId <= 0).Select(m => m.Name).ToList();

        Assert.True(unset.Count == 0, "messages without an event id:\n" + string.Join("\n", unset));
    }

    [Fact]
    public void EventIds_LieInTheirOwnersRange()
    {
        var outside = LoggerMessages.All
            .Where(message => !EventIdRange.Documented.Any(range => range.Contains(message)))
            .Select(message => $"{message.EventId} {message.Name}")
            .ToList();

        Assert.True(outside.Count == 0,
            "event ids outside the ranges of docs/OPERATIONS.md for their namespace:\n" + string.Join("\n", outside));
    }

    [Fact]
    public void DocumentedRanges_DoNotOverlap()
    {
        var ranges = EventIdRange.Documented;
        var overlapping = ranges
            .SelectMany((range, i) => ranges.Skip(i + 1).Where(range.Overlaps).Select(other => $"{range} / {other}"))
            .ToList();

        Assert.NotEmpty(ranges);
        Assert.True(overlapping.Count == 0, "overlapping ranges:\n" + string.Join("\n", overlapping));
    }
}
