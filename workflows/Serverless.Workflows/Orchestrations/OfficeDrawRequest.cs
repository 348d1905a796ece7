namespace Serverless.Workflows.Orchestrations;

/// <summary>Input of one office's part of a draw.</summary>
/// <param name="Draw">The prepared draw.</param>
/// <param name="OfficeCode">Drawing office.</param>
public sealed record OfficeDrawRequest(DrawPreparation Draw, string OfficeCode);
