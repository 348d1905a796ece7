namespace Serverless.Shared.Calendar;

/// <summary>
/// One year the working-day calendar covers, as <c>GET /api/calendar</c> and <c>calendar list</c> show it.
/// </summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Source">Where the version that counts comes from.</param>
/// <param name="Holidays">Number of days off.</param>
/// <param name="Workdays">Number of make-up working days.</param>
/// <param name="ReplacesBundled">True when a stored year replaces a bundled file of the same year.</param>
/// <param name="Revision">Revision of a stored year, or null for a bundled one.</param>
/// <param name="LoadedAt">When a stored year was loaded, or null.</param>
/// <param name="LoadedBy">Who loaded a stored year, or null.</param>
public sealed record CalendarYearSource(
    int Year,
    CalendarSourceKind Source,
    int Holidays,
    int Workdays,
    bool ReplacesBundled,
    int? Revision,
    DateTimeOffset? LoadedAt,
    string? LoadedBy);
