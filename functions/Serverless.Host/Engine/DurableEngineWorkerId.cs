namespace Serverless.Host.Engine;

/// <summary>The worker id under which this process holds the task hub's partition leases.</summary>
internal sealed record DurableEngineWorkerId(string Value);
