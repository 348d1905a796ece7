namespace Serverless.Host.Observability;

/// <summary>A log event that increments a counter.</summary>
/// <param name="EventId">Event id of the <c>[LoggerMessage]</c> method.</param>
/// <param name="Counter">Counter it increments.</param>
/// <param name="Source">Value of the counter's <c>source</c> tag: scheduled, campaign or milestone.</param>
/// <param name="ValueParameter">Name of the message parameter whose value is added; null adds 1.</param>
internal sealed record MeteredEvent(int EventId, InspectionCounter Counter, string Source, string? ValueParameter = null);
