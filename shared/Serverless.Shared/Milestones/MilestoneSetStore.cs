using Serverless.Shared.Records;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Milestones;

/// <summary>Versions of milestone sets as JSON blobs; each version is written once and never replaced.</summary>
public sealed class MilestoneSetStore(IRecordStore records)
{
    /// <summary>
    /// Validates and stores a version; returns false when that version exists already, which is left as it is.
    /// </summary>
    /// <exception cref="Domain.ValidationException">The set is invalid, so nothing was written.</exception>
    public Task<bool> TryAddAsync(MilestoneSet set, CancellationToken cancellationToken = default)
    {
        MilestoneSetValidator.Validate(set);
        return records.TryWriteOnceAsync(
            MilestonePaths.Set(set.SetId, set.Version), RecordJson.Serialize(set), "application/json", cancellationToken);
    }

    /// <summary>Reads one version, or the latest when <paramref name="version"/> is null; null when none exists.</summary>
    public async Task<MilestoneSet?> GetAsync(string setId, int? version = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setId);
        string? path;
        if (version is { } number)
        {
            path = MilestonePaths.Set(setId, number);
        }
        else
        {
            var paths = await records.ListAsync(MilestonePaths.SetFolder(setId), cancellationToken).ConfigureAwait(false);
            path = paths.Count == 0 ? null : paths[^1];
        }

        var data = path is null ? null : await records.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        return data is null ? null : RecordJson.Deserialize<MilestoneSet>(data);
    }
}
