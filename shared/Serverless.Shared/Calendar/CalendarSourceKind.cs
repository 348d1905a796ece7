namespace Serverless.Shared.Calendar;

/// <summary>Where the version of a year that counts comes from.</summary>
public enum CalendarSourceKind
{
    /// <summary>A file shipped with the release under <c>shared/data/calendar</c>.</summary>
    Bundled,

    /// <summary>A year loaded into storage, which wins over a bundled file of the same year.</summary>
    Stored,
}
