using Microsoft.Extensions.Configuration;
using Serverless.Shared.Notifications;

namespace Serverless.Host.Hosting;

/// <summary>
/// Settings of the self-host, from environment variables (Storage__ConnectionString, Smtp__Host, ...) and an
/// optional appsettings.json beside the executable.
/// </summary>
/// <param name="StorageConnectionString">Storage account; null starts a local Azurite under the data folder.</param>
/// <param name="DataDirectory">Folder for local state: Azurite's files, exported records and .eml notices.</param>
/// <param name="NoticeFolder">Folder of .eml notices when no SMTP host is set.</param>
/// <param name="Smtp">SMTP settings; an empty host means .eml files.</param>
/// <param name="TaskHub">Durable Task hub name; hosts that share one split its work between them.</param>
/// <param name="Urls">Address of the HTTP API.</param>
/// <param name="TickSchedule">NCRONTAB expression with seconds, in UTC, of the scheduler's tick.</param>
/// <param name="StoragePrefix">Prefix of table and container names, so environments can share an account.</param>
internal sealed record HostSettings(
    string? StorageConnectionString,
    string DataDirectory,
    string NoticeFolder,
    SmtpOptions Smtp,
    string TaskHub,
    string Urls,
    string TickSchedule,
    string StoragePrefix = "")
{
    public const string DefaultTaskHub = "InspectionDraws";

    /// <summary>
    /// Control queues of a new task hub (Engine__PartitionCount, 1 to 16); null keeps the engine's default of 4.
    /// Orchestrations run on at most this many hosts at once, while activities spread over every host.
    /// </summary>
    public int? PartitionCount { get; init; }

    /// <summary>
    /// Maximum activities this host runs at once (Engine__MaxConcurrentActivities); null keeps the engine's
    /// default of 10 per processor.
    /// </summary>
    public int? MaxConcurrentActivities { get; init; }

    /// <summary>
    /// Time a dequeued message stays hidden from other hosts (Engine__MessageVisibilityTimeout, as
    /// <c>hh:mm:ss</c>); null keeps the engine's default of 1 minute. It bounds how long a dead host delays the
    /// work it had taken.
    /// </summary>
    public TimeSpan? MessageVisibilityTimeout { get; init; }

    public static HostSettings Load(string? dataDirectoryOverride = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();

        var dataDirectory = Path.GetFullPath(
            dataDirectoryOverride ?? configuration["Data:Directory"] ?? Path.Combine(RepositoryRoot.Find(), ".data"));
        return new HostSettings(
            NullIfEmpty(configuration["Storage:ConnectionString"]),
            dataDirectory,
            configuration["Notices:EmlFolder"] ?? Path.Combine(dataDirectory, "notices"),
            (configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions()).WithDefaultSender(),
            configuration["Engine:TaskHub"] ?? DefaultTaskHub,
            configuration["Urls"] ?? "http://127.0.0.1:7071",
            configuration["Schedule:Tick"] ?? "0 */1 * * * *",
            configuration["Storage:Prefix"] ?? "")
        {
            PartitionCount = configuration.GetValue<int?>("Engine:PartitionCount"),
            MaxConcurrentActivities = configuration.GetValue<int?>("Engine:MaxConcurrentActivities"),
            MessageVisibilityTimeout = configuration.GetValue<TimeSpan?>("Engine:MessageVisibilityTimeout"),
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
