namespace Serverless.Shared.Domain;

/// <summary>
/// How many targets an office draws from its pool: a share of the pool rounded up, or a fixed count.
/// Risk-flagged employers form their own stratum when <see cref="RiskRatio"/> is set.
/// </summary>
/// <param name="Ratio">Share of the pool, from 0 to 1; ignored when <paramref name="Count"/> is set.</param>
/// <param name="Count">Fixed number of targets, or null to use the ratio.</param>
/// <param name="RiskRatio">Share of the risk-flagged stratum, or null to draw one unstratified pool.</param>
public sealed record TargetRule(decimal Ratio = 0.05m, int? Count = null, decimal? RiskRatio = null);
