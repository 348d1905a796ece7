namespace Serverless.Shared.Publication;

/// <summary>The first place where a publication chain does not hold.</summary>
/// <param name="Seq">Position of the entry that failed its check.</param>
/// <param name="EntryPath">Blob path of that entry.</param>
/// <param name="RecordPath">Record the entry covers, or null when the entry itself is missing or unreadable.</param>
/// <param name="Reason">What failed, in plain words.</param>
public sealed record ChainBreak(int Seq, string EntryPath, string? RecordPath, string Reason);
