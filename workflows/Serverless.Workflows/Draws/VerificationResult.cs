namespace Serverless.Workflows.Draws;

/// <summary>Outcome of re-running one office's draw from its record and stored files.</summary>
/// <param name="OfficeCode">Office.</param>
/// <param name="RecordPath">Record that was checked.</param>
/// <param name="Matches">True when every hash and every selection matched.</param>
/// <param name="Problems">What did not match, in plain words; empty on a match.</param>
public sealed record VerificationResult(string OfficeCode, string RecordPath, bool Matches, IReadOnlyList<string> Problems);
