using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Http.Access;

/// <summary>
/// API keys in Azure Table storage, one row per key id. A key reads <c>{keyId}.{secret}</c>; only the SHA-256 of
/// the secret is stored, and a presented secret is compared with it in constant time.
/// </summary>
public sealed class ApiKeyStore
{
    /// <summary>Table name, without the prefix.</summary>
    public const string TableName = "apikeys";

    private const string Partition = "keys";
    private const int KeyIdBytes = 6;
    private const int SecretBytes = 32;

    private readonly TimeProvider time;
    private readonly Lazy<Task<TableClient>> table;

    /// <summary>Creates the store on the API key table of <paramref name="storage"/>, created on first use.</summary>
    public ApiKeyStore(StorageContext storage, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
        table = new Lazy<Task<TableClient>>(async () =>
        {
            var client = storage.GetTableClient(TableName);
            await client.CreateIfNotExistsAsync().ConfigureAwait(false);
            return client;
        });
    }

    /// <summary>Creates a key for an office and role and returns it with the whole key, which is shown only now.</summary>
    /// <exception cref="ValidationException">The office code or role is invalid.</exception>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(
        string officeCode, string role, CancellationToken cancellationToken = default)
    {
        if (officeCode is null || officeCode.Length != 6 || !officeCode.All(char.IsAsciiDigit))
        {
            throw new ValidationException("--office", officeCode, "is not a six-digit GB/T 2260 office code");
        }

        if (role is not (CallerRoles.Manager or CallerRoles.Clerk))
        {
            throw new ValidationException("--role", role, $"is not a role; use {CallerRoles.Manager} or {CallerRoles.Clerk}");
        }

        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdBytes));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        var key = new ApiKey(keyId, officeCode, role, time.GetUtcNow(), null);
        var entity = new TableEntity(Partition, keyId)
        {
            [nameof(ApiKey.OfficeCode)] = officeCode,
            [nameof(ApiKey.Role)] = role,
            [nameof(ApiKey.CreatedAt)] = key.CreatedAt,
            ["SecretSha256"] = Hash(secret),
        };
        var client = await table.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        await client.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        return (key, $"{keyId}.{secret}");
    }

    /// <summary>Revokes a key. Returns false when no key has that id.</summary>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        var client = await table.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Partition, keyId) { ["RevokedAt"] = time.GetUtcNow() };
        try
        {
            await client.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Returns the valid key that <paramref name="presented"/> is, or null when it is unknown, wrong or revoked.</summary>
    public async Task<ApiKey?> FindAsync(string presented, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var dot = presented.IndexOf('.', StringComparison.Ordinal);
        if (dot != KeyIdBytes * 2 || !presented[..dot].All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var client = await table.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var response = await client
            .GetEntityIfExistsAsync<TableEntity>(Partition, presented[..dot], cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        var stored = Convert.FromHexString(entity.GetString("SecretSha256"));
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(presented[(dot + 1)..]));
        if (!CryptographicOperations.FixedTimeEquals(stored, given) || entity.GetDateTimeOffset("RevokedAt") is not null)
        {
            return null;
        }

        return new ApiKey(
            entity.RowKey,
            entity.GetString(nameof(ApiKey.OfficeCode)),
            entity.GetString(nameof(ApiKey.Role)),
            entity.GetDateTimeOffset(nameof(ApiKey.CreatedAt)) ?? DateTimeOffset.MinValue,
            null);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
