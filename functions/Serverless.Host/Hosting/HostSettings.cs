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
            configuration["Storage:Prefix"] ?? "");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
