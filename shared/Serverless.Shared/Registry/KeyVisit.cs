namespace Serverless.Shared.Registry;

/// <summary>What a <see cref="RegistryIndex"/> holds for one file row's key.</summary>
/// <param name="StoredOffice">Office of the stored row, or null when the key is not stored.</param>
/// <param name="StoredFingerprint">Fingerprint of the stored row, or 0 when the key is not stored.</param>
/// <param name="FirstRow">Earlier file row that carried the key, or 0 when this is its first row.</param>
internal readonly record struct KeyVisit(string? StoredOffice, ulong StoredFingerprint, long FirstRow);
