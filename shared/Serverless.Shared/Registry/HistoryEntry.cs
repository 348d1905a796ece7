namespace Serverless.Shared.Registry;

/// <summary>A change to one officer or employer (全程留痕): who made it, when, what changed and why.</summary>
/// <param name="Kind">Registry of the row.</param>
/// <param name="OfficeCode">Office the row belongs to.</param>
/// <param name="Key">Credit code of an employer or id of an officer.</param>
/// <param name="ChangedAt">Time of the change.</param>
/// <param name="Actor">Principal id of an HTTP caller, or <c>cli:{user}</c> for the command line.</param>
/// <param name="Reason">Why the row changed, for example the imported file or a confirmed declaration.</param>
/// <param name="Changes">Fields that changed; every field for a new row.</param>
public sealed record HistoryEntry(
    RegistryKind Kind,
    string OfficeCode,
    string Key,
    DateTimeOffset ChangedAt,
    string Actor,
    string Reason,
    IReadOnlyList<FieldChange> Changes);
