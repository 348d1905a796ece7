using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Calendar;

/// <summary>
/// <see cref="ICalendarYearStore"/> on the table <see cref="StorageNames.CalendarYears"/>: one row per year in
/// one partition, with the holidays and make-up working days as JSON maps. A replacement is written only over the
/// version that was read (its ETag), so two loads of one year at once get consecutive revisions.
/// </summary>
public sealed class TableCalendarYearStore : ICalendarYearStore
{
    /// <summary>Longest accepted <c>loadedBy</c>, in characters.</summary>
    public const int MaxLoadedByLength = 200;

    private const string HolidaysProperty = nameof(CalendarYear.Holidays);
    private const string WorkdaysProperty = nameof(CalendarYear.Workdays);
    private const string RevisionProperty = nameof(StoredCalendarYear.Revision);
    private const string Sha256Property = nameof(StoredCalendarYear.Sha256);
    private const string LoadedAtProperty = nameof(StoredCalendarYear.LoadedAt);
    private const string LoadedByProperty = nameof(StoredCalendarYear.LoadedBy);

    private readonly StorageContext context;

    /// <summary>Creates the store on the calendar years table of <paramref name="context"/>.</summary>
    public TableCalendarYearStore(StorageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
    }

    /// <inheritdoc/>
    public async Task<(StoredCalendarYear Stored, CalendarYearChange Change)> SaveAsync(
        CalendarYear year, string loadedBy, DateTimeOffset loadedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        if (string.IsNullOrWhiteSpace(loadedBy) || loadedBy.Length > MaxLoadedByLength)
        {
            throw new ValidationException("loadedBy", loadedBy, $"must be 1 to {MaxLoadedByLength} characters");
        }

        TableLimits.ThrowIfBeforeMinDate("loadedAt", loadedAt);
        var sha256 = year.ComputeSha256();
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var existing = await TableOperations
                .GetIfExistsAsync(table, StorageNames.CalendarYearsPartition, RowKey(year.Year), cancellationToken)
                .ConfigureAwait(false);
            if (existing is not null && existing.GetString(Sha256Property) == sha256)
            {
                return (ToStored(existing), CalendarYearChange.Unchanged);
            }

            var revision = existing is null ? 1 : StoredValues.RequireInt32(existing, RevisionProperty) + 1;
            var stored = new StoredCalendarYear(year, revision, sha256, loadedAt.ToUniversalTime(), loadedBy.Trim());
            var entity = ToEntity(stored);
            ThrowIfTooLong(entity);
            TableLimits.ThrowIfInvalid($"calendarYears[{RowKey(year.Year)}]", entity);
            try
            {
                if (existing is null)
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                    return (stored, CalendarYearChange.Created);
                }

                await table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken)
                    .ConfigureAwait(false);
                return (stored, CalendarYearChange.Replaced);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another load of the same year wrote first; read its version and decide again.
            }
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StoredCalendarYear>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var entities = await TableOperations
            .QueryPartitionAsync(
                table, StorageNames.CalendarYearsPartition, context.Options.MaxPerPage, cancellationToken)
            .ConfigureAwait(false);
        return entities.Select(ToStored).OrderBy(stored => stored.Year.Year).ToList();
    }

    private static string RowKey(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>
    /// Rejects a year whose holidays or workdays do not fit one table property once stored as JSON, which escapes
    /// characters outside the Basic Multilingual Plane, such as emoji, to 12 characters each.
    /// </summary>
    /// <exception cref="InvalidCalendarYearException">A list is too long to store.</exception>
    private static void ThrowIfTooLong(TableEntity entity)
    {
        var errors = new List<ValidationException>();
        foreach (var (property, field) in new[] { (HolidaysProperty, "holidays"), (WorkdaysProperty, "workdays") })
        {
            var length = entity.GetString(property)?.Length ?? 0;
            if (length > TableLimits.MaxStringLength)
            {
                errors.Add(new ValidationException(
                    field,
                    length.ToString(CultureInfo.InvariantCulture) + " characters",
                    $"is longer than the {TableLimits.MaxStringLength} characters of a table property once stored; " +
                    "use shorter holiday names"));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidCalendarYearException(errors);
        }
    }

    private static TableEntity ToEntity(StoredCalendarYear stored) =>
        new(StorageNames.CalendarYearsPartition, RowKey(stored.Year.Year))
        {
            [HolidaysProperty] = StoredValues.FromMap(ToMap(stored.Year.Holidays)),
            [WorkdaysProperty] = StoredValues.FromMap(ToMap(stored.Year.Workdays)),
            [RevisionProperty] = stored.Revision,
            [Sha256Property] = stored.Sha256,
            [LoadedAtProperty] = stored.LoadedAt,
            [LoadedByProperty] = stored.LoadedBy,
        };

    /// <summary>
    /// Reads a row back through <see cref="CalendarYearParser.Create"/>, so a row edited by hand into an invalid
    /// year fails here with the reason rather than counting wrong days.
    /// </summary>
    private static StoredCalendarYear ToStored(TableEntity entity)
    {
        if (!int.TryParse(entity.RowKey, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new InvalidDataException($"Calendar row '{entity.RowKey}' is not named after a year.");
        }

        CalendarYear year;
        try
        {
            year = CalendarYearParser.Create(
                number,
                StoredValues.ToMap(entity, HolidaysProperty),
                StoredValues.ToMap(entity, WorkdaysProperty),
                $"calendarYears[{entity.RowKey}].");
        }
        catch (InvalidCalendarYearException invalid)
        {
            throw new InvalidDataException(
                $"Stored calendar year {entity.RowKey} is invalid: {invalid.Errors[0].Message}", invalid);
        }

        return new StoredCalendarYear(
            year,
            StoredValues.RequireInt32(entity, RevisionProperty),
            StoredValues.RequireString(entity, Sha256Property),
            StoredValues.RequireDateTimeOffset(entity, LoadedAtProperty),
            StoredValues.RequireString(entity, LoadedByProperty));
    }

    private static Dictionary<string, string> ToMap(IReadOnlyDictionary<DateOnly, string> dates) =>
        dates.ToDictionary(pair => CalendarYear.FormatDate(pair.Key), pair => pair.Value, StringComparer.Ordinal);

    private async Task<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        await context.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return context.GetTableClient(StorageNames.CalendarYears);
    }
}
