namespace Serverless.Shared.Registry;

/// <summary>One data row of an import file.</summary>
/// <param name="Number">Row number in the file, counting the header as row 1.</param>
/// <param name="Values">Cell values as text, one per header column; missing cells are empty.</param>
public sealed record TabularRow(long Number, IReadOnlyList<string> Values);
