using System.Globalization;
using Serverless.Shared.Domain;

namespace Serverless.Host.Engine;

/// <summary>
/// Settings of the self-hosted Durable Task engine: the Azure Storage backend, the loopback gRPC sidecar that
/// serves it and the worker that runs the orchestrations and activities.
/// </summary>
public sealed record DurableEngineOptions
{
    /// <summary>Task hub used when none is given.</summary>
    public const string DefaultTaskHubName = "InspectionDraws";

    /// <summary>Azure Storage connection string of the backend (queues, tables and blobs of the task hub).</summary>
    public required string StorageConnectionString { get; init; }

    /// <summary>
    /// Task hub name: 3 to 45 letters and digits, starting with a letter. Processes with the same task hub and
    /// storage share the work.
    /// </summary>
    public string TaskHubName { get; init; } = DefaultTaskHubName;

    /// <summary>Port of the gRPC sidecar on 127.0.0.1; 0 picks a free port when the engine is added.</summary>
    public int GrpcPort { get; init; }

    /// <summary>
    /// Name under which this process holds partition leases. It must differ between processes that share a task
    /// hub. Null uses the machine name, the process id and a random suffix.
    /// </summary>
    public string? WorkerId { get; init; }

    /// <summary>
    /// Maximum activities this process runs at once. The default, 10 per processor, is the Azure Storage
    /// backend's own.
    /// </summary>
    public int MaxConcurrentActivities { get; init; } = 10 * Environment.ProcessorCount;

    /// <summary>
    /// Maximum orchestration work items this process runs at once. The default, 100 per processor, is the Azure
    /// Storage backend's own.
    /// </summary>
    public int MaxConcurrentOrchestrations { get; init; } = 100 * Environment.ProcessorCount;

    /// <summary>
    /// Number of control queues (1 to 16). It is stored with the task hub when the hub is first created, and a
    /// later value has no effect on an existing hub.
    /// </summary>
    public int PartitionCount { get; init; } = 4;

    /// <summary>
    /// How long a dequeued message stays hidden from other workers. A message of a worker that died becomes
    /// visible again after this time, so it bounds how long a killed host delays the rest of a draw; an activity
    /// still running after it may run a second time, which every activity of the product tolerates. The
    /// backend's default is 5 minutes; this default is 1 minute.
    /// </summary>
    public TimeSpan MessageVisibilityTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Maximum time the host waits for running work when it stops.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Checks every setting and throws for the first invalid one.</summary>
    /// <exception cref="ValidationException">A setting is missing or out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(StorageConnectionString))
        {
            throw new ValidationException(nameof(StorageConnectionString), null, "is missing");
        }

        if (!IsValidTaskHubName(TaskHubName))
        {
            throw new ValidationException(nameof(TaskHubName), TaskHubName,
                "must be 3 to 45 letters and digits and start with a letter");
        }

        ThrowIfOutOfRange(nameof(GrpcPort), GrpcPort, 0, 65535);
        ThrowIfOutOfRange(nameof(MaxConcurrentActivities), MaxConcurrentActivities, 1, int.MaxValue);
        ThrowIfOutOfRange(nameof(MaxConcurrentOrchestrations), MaxConcurrentOrchestrations, 1, int.MaxValue);
        ThrowIfOutOfRange(nameof(PartitionCount), PartitionCount, 1, 16);
        if (WorkerId is not null && string.IsNullOrWhiteSpace(WorkerId))
        {
            throw new ValidationException(nameof(WorkerId), WorkerId, "must not be blank");
        }

        if (MessageVisibilityTimeout <= TimeSpan.Zero)
        {
            throw new ValidationException(nameof(MessageVisibilityTimeout),
                MessageVisibilityTimeout.ToString("c", CultureInfo.InvariantCulture), "must be positive");
        }

        if (ShutdownTimeout <= TimeSpan.Zero)
        {
            throw new ValidationException(nameof(ShutdownTimeout),
                ShutdownTimeout.ToString("c", CultureInfo.InvariantCulture), "must be positive");
        }
    }

    private static bool IsValidTaskHubName(string? name) =>
        name is { Length: >= 3 and <= 45 } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    private static void ThrowIfOutOfRange(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new ValidationException(field, value.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}"));
        }
    }
}
