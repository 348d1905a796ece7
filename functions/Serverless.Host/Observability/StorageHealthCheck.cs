using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serverless.Shared.Storage;

namespace Serverless.Host.Observability;

/// <summary>
/// Checks the storage account of the registries and records with one request to each service it uses: a page
/// of one table from the Table service, and the existence of the records container from the Blob service.
/// </summary>
internal sealed class StorageHealthCheck(StorageContext storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var _ in storage.TableService.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken)
                .AsPages().WithCancellation(cancellationToken))
            {
                break;
            }

            var container = await storage.RecordsContainer.ExistsAsync(cancellationToken);
            return container.Value
                ? HealthCheckResult.Healthy("Table and Blob services answered")
                : HealthCheckResult.Unhealthy($"Blob container {storage.RecordsContainer.Name} does not exist");
        }
        catch (RequestFailedException exception)
        {
            return HealthCheckResult.Unhealthy(
                $"Storage request failed with status {exception.Status} ({exception.ErrorCode})", exception);
        }
        catch (AggregateException exception)
        {
            // The Azure SDK wraps connection failures of every retry in one AggregateException.
            return HealthCheckResult.Unhealthy("Storage could not be reached", exception);
        }
    }
}
