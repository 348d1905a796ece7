using Serverless.Shared.Records;

namespace Serverless.Shared.Publication;

/// <summary>A published draw with one line per office.</summary>
/// <param name="Listing">The draw's line of the public list.</param>
/// <param name="Offices">Each office's outcome with its name, in office code order.</param>
public sealed record PublicDraw(PublicDrawListing Listing, IReadOnlyList<PublicDrawOffice> Offices);

/// <summary>One office's line of a published draw.</summary>
/// <param name="OfficeCode">Office code.</param>
/// <param name="OfficeName">Office name, or the code when the office is no longer stored.</param>
/// <param name="Outcome">How the office's draw ended.</param>
/// <param name="PoolSize">Employers in the pool.</param>
/// <param name="Targets">Targets drawn.</param>
/// <param name="RecordPath">Blob path of the office record, or null when none was written.</param>
public sealed record PublicDrawOffice(
    string OfficeCode, string OfficeName, OfficeOutcome Outcome, int PoolSize, int Targets, string? RecordPath);
