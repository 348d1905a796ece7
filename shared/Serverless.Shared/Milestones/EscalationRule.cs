namespace Serverless.Shared.Milestones;

/// <summary>Escalation of a late milestone to the office above, repeated until the milestone is met.</summary>
/// <param name="IntervalDays">Calendar days from the due date to the first escalation and between escalations.</param>
/// <param name="CopyProvince">
/// True to send each escalation to the province too when the office above is a city.
/// </param>
public sealed record EscalationRule(int IntervalDays = 7, bool CopyProvince = false);
