namespace Serverless.Shared.Registry;

/// <summary>One field of a registry row before and after a change.</summary>
/// <param name="Field">Field name in camel case, for example <c>status</c>.</param>
/// <param name="OldValue">Value before the change, or null when the row or field did not exist.</param>
/// <param name="NewValue">Value after the change, or null when the field was removed.</param>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);
