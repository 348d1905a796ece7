namespace Serverless.Http.Registry;

/// <summary>Outcome of a status change.</summary>
/// <param name="Changed">False when the row already had the status and nothing was written.</param>
internal sealed record StatusChangeResult(bool Changed);
