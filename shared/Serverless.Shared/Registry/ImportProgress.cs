namespace Serverless.Shared.Registry;

/// <summary>Progress of a running import.</summary>
/// <param name="BytesRead">Bytes of the file read so far.</param>
/// <param name="TotalBytes">Size of the file in bytes, or null when unknown.</param>
/// <param name="Rows">Data rows read so far.</param>
/// <param name="Written">Rows written so far.</param>
/// <param name="Rejected">Rows rejected so far.</param>
public sealed record ImportProgress(long BytesRead, long? TotalBytes, long Rows, long Written, long Rejected);
