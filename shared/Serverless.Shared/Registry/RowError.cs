namespace Serverless.Shared.Registry;

/// <summary>A rejected cell or row of an import file.</summary>
/// <param name="Row">Row number in the file, counting the header as row 1.</param>
/// <param name="Column">Header name of the column, or empty when the whole row is rejected.</param>
/// <param name="Value">The rejected value.</param>
/// <param name="Reason">Why it was rejected.</param>
public sealed record RowError(long Row, string Column, string Value, string Reason);
