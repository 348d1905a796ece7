namespace Serverless.Shared.Registry;

/// <summary>A change to a registry row that no longer applies because another writer changed the row first.</summary>
/// <param name="Kind">Registry of the row.</param>
/// <param name="OfficeCode">Office the row belongs to (its partition key).</param>
/// <param name="Key">Credit code of an employer or id of an officer (its row key).</param>
/// <param name="Field">Field in camel case that both writers changed, or empty when the row kept changing.</param>
/// <param name="Reason">What happened, for the caller.</param>
public sealed record RegistryConflict(RegistryKind Kind, string OfficeCode, string Key, string Field, string Reason);
