namespace Serverless.Shared.Milestones;

/// <summary>The documents of one filing and its acknowledgement.</summary>
/// <param name="Documents">Number of uploaded documents.</param>
/// <param name="Acknowledgement">The acknowledgement, or null while the office above has not given it.</param>
public sealed record FilingState(int Documents, FilingAcknowledgement? Acknowledgement);
