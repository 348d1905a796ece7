using System.CommandLine;
using Serverless.Host.Hosting;
using Serverless.Http.Access;

namespace Serverless.Host.Commands;

/// <summary>
/// <c>keys create --office CODE --role ROLE</c> prints a new API key once; <c>keys revoke --id ID</c> revokes one.
/// Only the SHA-256 of a key's secret is stored, so a lost key cannot be shown again.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Create or revoke the API keys of the HTTP API.") { CreateKey(), RevokeKey() };
        return command;
    }

    private static Command CreateKey()
    {
        var dataDirectory = CommonOptions.DataDirectory();
        var office = new Option<string>("--office") { Description = "Six-digit code of the office the key acts for.", Required = true };
        var role = new Option<string>("--role")
        {
            Description = $"Role of the key within the office: {CallerRoles.Manager} or {CallerRoles.Clerk}.",
            Required = true,
        };
        var command = new Command("create", "Create a key and print it once; store it, since it cannot be shown again.")
        {
            dataDirectory,
            office,
            role,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = HostSettings.Load(result.GetValue(dataDirectory));
            await using var runtime = await HostRuntime.StartAsync(settings, serve: false, LogLevel.Warning, cancellationToken);
            var keys = runtime.Services.GetRequiredService<ApiKeyStore>();
            var (key, secret) = await keys.CreateAsync(
                result.GetRequiredValue(office), result.GetRequiredValue(role), cancellationToken);
            Console.WriteLine(secret);
            await Console.Error.WriteLineAsync(
                $"Key {key.KeyId} for office {key.OfficeCode}, role {key.Role}. Send it as the {ApiKeyCallerResolver.Header} header.");
            return 0;
        });
        return command;
    }

    private static Command RevokeKey()
    {
        var dataDirectory = CommonOptions.DataDirectory();
        var id = new Option<string>("--id") { Description = "Key id: the part of the key before the dot.", Required = true };
        var command = new Command("revoke", "Revoke a key; requests with it get 401 from then on.") { dataDirectory, id };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = HostSettings.Load(result.GetValue(dataDirectory));
            await using var runtime = await HostRuntime.StartAsync(settings, serve: false, LogLevel.Warning, cancellationToken);
            var keyId = result.GetRequiredValue(id);
            if (!await runtime.Services.GetRequiredService<ApiKeyStore>().RevokeAsync(keyId, cancellationToken))
            {
                await Console.Error.WriteLineAsync($"keys revoke: no key has id '{keyId}'.");
                return 2;
            }

            Console.WriteLine($"Key {keyId} revoked.");
            return 0;
        });
        return command;
    }
}
