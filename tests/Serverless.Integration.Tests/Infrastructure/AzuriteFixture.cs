using Serverless.Host.Local;

namespace Serverless.Integration.Tests.Infrastructure;

/// <summary>
/// One in-memory Azurite for the whole test run, shared through <see cref="AzuriteCollection"/>. When the
/// environment variable <c>AZURITE_CONNECTION_STRING</c> is set, tests use that storage and nothing is started.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Environment variable that points the tests at an already running storage emulator.</summary>
    public const string ConnectionStringVariable = "AZURITE_CONNECTION_STRING";

    private AzuriteProcess? azurite;
    private string? connectionString;

    /// <summary>Connection string of the storage the tests use.</summary>
    public string ConnectionString =>
        connectionString ?? throw new InvalidOperationException("Azurite has not been started yet.");

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            connectionString = external;
            return;
        }

        azurite = await AzuriteProcess.StartAsync(new AzuriteOptions(), CancellationToken.None);
        connectionString = azurite.ConnectionString;
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
