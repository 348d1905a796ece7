using System.CommandLine;
using System.Text.Json;
using Serverless.Host.Hosting;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;

namespace Serverless.Host.Commands;

/// <summary>
/// <c>departments load --file FILE</c> stores a participating department of joint campaigns with its roster, read
/// from a JSON file with code, name and officers (the fields of the officer roster).
/// </summary>
internal static class DepartmentsCommand
{
    public static Command Create()
    {
        var command = new Command("departments", "Manage the departments that take part in joint campaigns.") { Load() };
        return command;
    }

    private static Command Load()
    {
        var dataDirectory = CommonOptions.DataDirectory();
        var file = new Option<FileInfo>("--file")
        {
            Description = "JSON file with the department's code, name and officers; its roster replaces the stored one.",
            Required = true,
        };
        var command = new Command("load", "Store a department and replace its roster.") { dataDirectory, file };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetRequiredValue(file);
            Department department;
            try
            {
                await using var stream = path.OpenRead();
                department = await JsonSerializer.DeserializeAsync<Department>(stream, RecordJson.Options, cancellationToken)
                    ?? throw new JsonException("The file contains null, not a department.");
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                await Console.Error.WriteLineAsync($"departments load: failed to read '{path.FullName}': {e.Message}");
                return 2;
            }

            var settings = HostSettings.Load(result.GetValue(dataDirectory));
            await using var runtime = await HostRuntime.StartAsync(settings, serve: false, LogLevel.Warning, cancellationToken);
            try
            {
                await runtime.Services.GetRequiredService<IDepartmentStore>().UpsertAsync(department, cancellationToken);
            }
            catch (ValidationException invalid)
            {
                await Console.Error.WriteLineAsync($"departments load: {invalid.Message}");
                return 2;
            }

            Console.WriteLine($"Department {department.Code} ({department.Name}) stored with {department.Officers.Count} officers.");
            return 0;
        });
        return command;
    }
}
