namespace Serverless.Shared.Publication;

/// <summary>
/// One link of an office's publication chain, written once at <see cref="ChainPaths.Entry"/>. Each entry
/// holds the SHA-256 of a published office record and of the entry before it, so changing any record or
/// entry breaks every later link.
/// </summary>
/// <param name="Seq">Position in the office's chain, from 1.</param>
/// <param name="RecordPath">Blob path of the office record.</param>
/// <param name="RecordSha256">Lowercase hex SHA-256 of the record's bytes as published.</param>
/// <param name="PreviousEntrySha256">
/// Lowercase hex SHA-256 of the previous entry's bytes, or <see cref="ChainPaths.GenesisSha256"/> for the first.
/// </param>
public sealed record ChainEntry(int Seq, string RecordPath, string RecordSha256, string PreviousEntrySha256);
