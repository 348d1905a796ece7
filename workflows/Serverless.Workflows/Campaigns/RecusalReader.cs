using Serverless.Shared.Campaigns;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;

namespace Serverless.Workflows.Campaigns;

/// <summary>Reads the recusals of a draw in number order.</summary>
public static class RecusalReader
{
    public static async Task<IReadOnlyList<RecusalRecord>> ListAsync(
        IRecordStore records, string drawId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var result = new List<RecusalRecord>();
        foreach (var path in await records.ListAsync(RecusalPaths.Prefix(drawId), cancellationToken))
        {
            if (await records.ReadAsync(path, cancellationToken) is { } bytes)
            {
                result.Add(RecordJson.Deserialize<RecusalRecord>(bytes));
            }
        }

        return [.. result.OrderBy(r => r.Number)];
    }
}
