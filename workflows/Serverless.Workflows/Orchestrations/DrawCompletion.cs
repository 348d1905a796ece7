namespace Serverless.Workflows.Orchestrations;

/// <summary>Input of the activity that writes a draw's summary.</summary>
/// <param name="Draw">The prepared draw.</param>
/// <param name="Offices">Each office's result, in the order of <see cref="DrawPreparation.OfficeCodes"/>.</param>
public sealed record DrawCompletion(DrawPreparation Draw, IReadOnlyList<OfficeNoticeResult> Offices);
