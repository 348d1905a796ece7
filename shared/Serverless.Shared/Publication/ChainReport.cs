namespace Serverless.Shared.Publication;

/// <summary>Outcome of walking one office's publication chain.</summary>
/// <param name="OfficeCode">Office whose chain was walked.</param>
/// <param name="Entries">Entries found in the chain.</param>
/// <param name="Verified">Entries that passed every check before the first break.</param>
/// <param name="FirstBreak">The first entry that failed, or null when the whole chain holds.</param>
/// <param name="Links">Every entry checked before the first break, in chain order.</param>
public sealed record ChainReport(
    string OfficeCode, int Entries, int Verified, ChainBreak? FirstBreak, IReadOnlyList<ChainEntry> Links)
{
    /// <summary>True when every entry and record matched.</summary>
    public bool Holds => FirstBreak is null;
}
