namespace Serverless.Http.Registry;

/// <summary>Body of a status change: the new status and why it changed.</summary>
/// <param name="Status">Officer status (Active, Suspended, Retired) or employer status (Active, Deregistered).</param>
/// <param name="Reason">Reason recorded in the row's history.</param>
internal sealed record StatusChangeBody(string? Status, string? Reason);
