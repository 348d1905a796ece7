using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Functions.Hosting;

/// <summary>
/// Builds the <see cref="StorageContext"/> of the registries and records from the app settings, in the forms
/// the Functions host itself accepts for <c>AzureWebJobsStorage</c>: a connection string, or an identity-based
/// connection given by <c>{name}__accountName</c> (or <c>{name}__tableServiceUri</c> and
/// <c>{name}__blobServiceUri</c>) with an optional <c>{name}__clientId</c> of a user-assigned identity.
/// </summary>
public static class StorageConnection
{
    /// <summary>Setting that names another storage account for registries and records.</summary>
    public const string InspectionStorage = "InspectionStorage";

    /// <summary>Setting of the Functions host's own storage, which also holds the task hub.</summary>
    public const string WebJobsStorage = "AzureWebJobsStorage";

    /// <summary>
    /// Creates the context from <c>InspectionStorage</c> when it is set, otherwise from
    /// <c>AzureWebJobsStorage</c>.
    /// </summary>
    /// <exception cref="ValidationException">Neither setting is present, or an account name or URI is invalid.
    /// </exception>
    public static StorageContext Create(IConfiguration configuration, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return TryCreate(configuration, InspectionStorage, credential)
            ?? TryCreate(configuration, WebJobsStorage, credential)
            ?? throw new ValidationException(
                WebJobsStorage,
                null,
                "is missing; set it to a storage connection string, or set AzureWebJobsStorage__accountName " +
                "to use the app's managed identity");
    }

    private static StorageContext? TryCreate(IConfiguration configuration, string name, TokenCredential? credential)
    {
        var connectionString = configuration[name];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageContext(connectionString);
        }

        var section = configuration.GetSection(name);
        var accountName = section["accountName"];
        var tableUri = section["tableServiceUri"];
        var blobUri = section["blobServiceUri"];
        if (string.IsNullOrWhiteSpace(accountName) && string.IsNullOrWhiteSpace(tableUri)
            && string.IsNullOrWhiteSpace(blobUri))
        {
            return null;
        }

        var tableEndpoint = Endpoint(name, "tableServiceUri", tableUri, accountName, "table");
        var blobEndpoint = Endpoint(name, "blobServiceUri", blobUri, accountName, "blob");
        return new StorageContext(tableEndpoint, blobEndpoint, credential ?? CreateCredential(section["clientId"]));
    }

    private static Uri Endpoint(string name, string key, string? uri, string? accountName, string service)
    {
        if (!string.IsNullOrWhiteSpace(uri))
        {
            return Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme == Uri.UriSchemeHttps
                ? parsed
                : throw new ValidationException($"{name}__{key}", uri, "is not an absolute https URI");
        }

        if (string.IsNullOrWhiteSpace(accountName))
        {
            throw new ValidationException(
                $"{name}__accountName", null, $"is missing; set it or {name}__{key}");
        }

        if (accountName.Length is < 3 or > 24 || !accountName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            throw new ValidationException(
                $"{name}__accountName", accountName, "is not a storage account name (3 to 24 lowercase letters and digits)");
        }

        return new Uri($"https://{accountName}.{service}.core.windows.net/");
    }

    private static DefaultAzureCredential CreateCredential(string? clientId) =>
        new(new DefaultAzureCredentialOptions
        {
            // Without a client id a user-assigned identity is not found when the app has several identities.
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId,
        });
}
