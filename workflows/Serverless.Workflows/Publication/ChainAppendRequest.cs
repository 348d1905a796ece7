namespace Serverless.Workflows.Publication;

/// <summary>An office record to append to its office's publication chain.</summary>
/// <param name="OfficeCode">Office whose chain gets the entry.</param>
/// <param name="RecordPath">Blob path of the written office record.</param>
public sealed record ChainAppendRequest(string OfficeCode, string RecordPath);
