using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Http.Access;
using Serverless.Http.Campaigns;
using Serverless.Http.Registry;
using Serverless.Shared.Calendar;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;
using Serverless.Workflows.Calendar;
using Serverless.Workflows.Milestones;

namespace Serverless.Http.Calendar;

/// <summary>
/// Handlers of <c>PUT /api/calendar/{year}</c> and <c>GET /api/calendar</c> for both hosts: load a year of the
/// State Council's holiday arrangement into storage, and list the years the working-day calendar covers.
/// </summary>
public sealed class CalendarHandlers(
    RegistryAccess access,
    IRegistryStore registry,
    CalendarLoader loader,
    WorkingDayCalendarProvider calendars,
    PendingMilestoneStarts pendingStarts)
{
    /// <summary>
    /// Validates the year in the body and stores it, then starts the deferred milestones it lets the calendar count.
    /// Only a manager of the province office may load a year (401 without a credential, 403 otherwise). A route
    /// year that is not four digits, or a body with any invalid value, gets 400 listing each error, and nothing is
    /// stored. A new year returns 201, a replaced or repeated one 200.
    /// </summary>
    public async Task PutYearAsync(HttpContext context, DurableTaskClient client, string year)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(client);
        var caller = await access.ResolveAsync(context);
        if (caller is null || !await RequireProvinceManagerAsync(context, caller))
        {
            return;
        }

        if (year is not { Length: 4 }
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            await HttpProblems.InvalidAsync(context, new ValidationException("year", year, "is not a four-digit year"));
            return;
        }

        CalendarYear parsed;
        try
        {
            var body = await RequestBody.ReadCappedAsync(context, CalendarYearParser.MaxFileBytes);
            parsed = CalendarYearParser.Parse(body, number);
        }
        catch (ValidationException tooLarge)
        {
            await HttpProblems.WriteAsync(
                context, StatusCodes.Status413PayloadTooLarge, "Calendar year too large", tooLarge.Message);
            return;
        }
        catch (InvalidCalendarYearException invalid)
        {
            await InvalidYearAsync(context, invalid);
            return;
        }

        CalendarLoadResult result;
        try
        {
            result = await loader.LoadAsync(client, parsed, caller.PrincipalId, context.RequestAborted);
        }
        catch (InvalidCalendarYearException invalid)
        {
            await InvalidYearAsync(context, invalid);
            return;
        }

        var stored = result.Stored;
        var loaded = new CalendarYearLoaded(
            stored.Year.Year,
            ChangeName(result.Change),
            stored.Revision,
            stored.Sha256,
            stored.Year.Holidays.Count,
            stored.Year.Workdays.Count,
            stored.LoadedAt,
            stored.LoadedBy,
            result.PendingStarts.Started,
            result.PendingStarts.Waiting);
        var status = result.Change == CalendarYearChange.Created
            ? StatusCodes.Status201Created
            : StatusCodes.Status200OK;
        await HttpProblems.JsonAsync(context, status, loaded);
    }

    /// <summary>
    /// Lists the covered years with their source, bundled or stored, and for a stored year when, by whom and in which
    /// revision it was loaded, with the deferred milestones that wait for a year. Any valid credential may list.
    /// </summary>
    public async Task ListAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await access.ResolveAsync(context) is null)
        {
            return;
        }

        var years = await calendars.ListAsync(context.RequestAborted);
        var waiting = await pendingStarts.CountWaitingAsync(context.RequestAborted);
        await HttpProblems.JsonAsync(context, StatusCodes.Status200OK, new CalendarListing(years, waiting));
    }

    private async Task<bool> RequireProvinceManagerAsync(HttpContext context, Caller caller)
    {
        var tree = new OfficeTree(await registry.ListOfficesAsync(context.RequestAborted));
        if (tree.Find(caller.OfficeCode) is { ParentCode: null } && caller.Role == CallerRoles.Manager)
        {
            return true;
        }

        await HttpProblems.WriteAsync(
            context, StatusCodes.Status403Forbidden, "Forbidden",
            $"Only a {CallerRoles.Manager} of the province office may load calendar years. " +
            $"The caller is a {caller.Role} of office {caller.OfficeCode}.");
        return false;
    }

    /// <summary>Writes 400 with every error of the file; the first one also as <c>field</c> and <c>value</c>.</summary>
    private static Task InvalidYearAsync(HttpContext context, InvalidCalendarYearException invalid)
    {
        var errors = invalid.Errors
            .GroupBy(error => error.Field, StringComparer.Ordinal)
            .ToDictionary(
                group => group.Key,
                group => group.Select(error => $"'{error.Value}' {error.Reason}").ToArray());
        var first = invalid.Errors[0];
        return Results.ValidationProblem(
                errors,
                detail: invalid.Message,
                title: "Invalid calendar year",
                extensions: new Dictionary<string, object?> { ["field"] = first.Field, ["value"] = first.Value })
            .ExecuteAsync(context);
    }

    private static string ChangeName(CalendarYearChange change) => change switch
    {
        CalendarYearChange.Created => "created",
        CalendarYearChange.Replaced => "replaced",
        _ => "unchanged",
    };
}
