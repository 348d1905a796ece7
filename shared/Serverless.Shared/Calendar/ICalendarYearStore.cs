namespace Serverless.Shared.Calendar;

/// <summary>Calendar years loaded after release, one current version per year.</summary>
public interface ICalendarYearStore
{
    /// <summary>
    /// Stores a year unless the same content is stored, replacing an earlier version of that year. Returns the
    /// stored version and what changed.
    /// </summary>
    /// <exception cref="Domain.ValidationException"><paramref name="loadedBy"/> is missing or too long.</exception>
    Task<(StoredCalendarYear Stored, CalendarYearChange Change)> SaveAsync(
        CalendarYear year, string loadedBy, DateTimeOffset loadedAt, CancellationToken cancellationToken = default);

    /// <summary>Returns every stored year in year order.</summary>
    Task<IReadOnlyList<StoredCalendarYear>> ListAsync(CancellationToken cancellationToken = default);
}
