using Serverless.Shared.Registry;

namespace Serverless.Http.Inspections;

/// <summary>Response body of an entered inspection result.</summary>
/// <param name="Result">The stored result, with the employer name from the registry.</param>
/// <param name="Change">"created", "replaced" or "unchanged".</param>
/// <param name="Publication">The publication milestone that follows the result, or null when none applies.</param>
public sealed record InspectionResultResponse(
    InspectionResult Result, string Change, ResultPublication? Publication);

/// <summary>The milestone instance that follows the publication of one result.</summary>
/// <param name="InstanceId">Durable instance id of the milestone.</param>
/// <param name="FilingKey">Filing key under which the publication document is uploaded.</param>
/// <param name="Started">True when this request started the instance, false when it existed or is pending.</param>
/// <param name="DueDate">
/// Due date of the instance, counted in working days from the first entry of the result; null while pending.
/// </param>
/// <param name="Pending">
/// True when the working-day calendar lacks <paramref name="MissingYear"/>, so the instance starts when that year
/// is loaded.
/// </param>
/// <param name="StartDate">Day the due date counts from, or null when the instance existed before this request.</param>
/// <param name="MissingYear">Year the calendar lacks while pending, or null.</param>
/// <param name="Detail">What pending means for this result, in plain words, or null.</param>
public sealed record ResultPublication(
    string InstanceId,
    string FilingKey,
    bool Started,
    DateOnly? DueDate,
    bool Pending = false,
    DateOnly? StartDate = null,
    int? MissingYear = null,
    string? Detail = null);
