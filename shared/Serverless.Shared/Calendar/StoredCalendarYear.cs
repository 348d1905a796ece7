namespace Serverless.Shared.Calendar;

/// <summary>A calendar year loaded into storage, with who loaded it and when.</summary>
/// <param name="Year">The year's holidays and make-up working days.</param>
/// <param name="Revision">1 for the first load of the year, one more for each later load that changed it.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of <see cref="CalendarYear.ToJson"/>.</param>
/// <param name="LoadedAt">When the stored revision was loaded.</param>
/// <param name="LoadedBy">
/// Who loaded it: an API key id, a principal id, or <c>cli:</c> and the operating system user.
/// </param>
public sealed record StoredCalendarYear(
    CalendarYear Year, int Revision, string Sha256, DateTimeOffset LoadedAt, string LoadedBy);
