using Serverless.Workflows.Milestones;

namespace Serverless.Http.Calendar;

/// <summary>Response body of <c>PUT /api/calendar/{year}</c>.</summary>
/// <param name="Year">The loaded year.</param>
/// <param name="Change">"created", "replaced" (a different version was stored before) or "unchanged".</param>
/// <param name="Revision">Revision of the stored year, 1 for its first load.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the stored year in the format of the bundled files.</param>
/// <param name="Holidays">Number of days off.</param>
/// <param name="Workdays">Number of make-up working days.</param>
/// <param name="LoadedAt">When the stored revision was loaded.</param>
/// <param name="LoadedBy">Key or principal id that loaded the stored revision.</param>
/// <param name="PendingStarted">Deferred milestones that this load started.</param>
/// <param name="PendingWaiting">Deferred milestones that still wait, by the year they need.</param>
public sealed record CalendarYearLoaded(
    int Year,
    string Change,
    int Revision,
    string Sha256,
    int Holidays,
    int Workdays,
    DateTimeOffset LoadedAt,
    string LoadedBy,
    int PendingStarted,
    IReadOnlyList<PendingYearCount> PendingWaiting);
