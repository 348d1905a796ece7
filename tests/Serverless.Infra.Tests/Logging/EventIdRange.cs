using System.Text.RegularExpressions;
using Serverless.Infra.Tests.Support;

namespace Serverless.Infra.Tests.Logging;

/// <summary>A row of the event-id table in docs/OPERATIONS.md: a range and the namespace that owns it.</summary>
internal sealed partial record EventIdRange(int First, int Last, string Owner)
{
    /// <summary>Every row of the table.</summary>
    public static IReadOnlyList<EventIdRange> Documented { get; } = Load();

    public bool Contains(LoggerMessageMethod message) =>
        message.EventId >= First && message.EventId <= Last
        && (message.Namespace == Owner || message.Namespace.StartsWith(Owner + ".", StringComparison.Ordinal));

    public bool Overlaps(EventIdRange other) => First <= other.Last && other.First <= Last;

    public override string ToString() => $"{First}-{Last} {Owner}";

    private static List<EventIdRange> Load() => File.ReadLines(RepositoryPaths.Operations)
        .Select(line => Row().Match(line))
        .Where(match => match.Success)
        .Select(match => new EventIdRange(
            int.Parse(match.Groups["first"].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(match.Groups["last"].Value, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups["owner"].Value))
        .ToList();

    [GeneratedRegex(@"^\|\s*(?<first>\d+)-(?<last>\d+)\s*\|\s*`(?<owner>[\w.]+)`\s*\|")]
    private static partial Regex Row();
}
