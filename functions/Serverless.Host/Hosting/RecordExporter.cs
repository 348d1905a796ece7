using Serverless.Shared.Records;
using Serverless.Shared.Storage;

namespace Serverless.Host.Hosting;

/// <summary>Copies a draw's published files from blob storage to a local folder, keeping their paths.</summary>
internal static class RecordExporter
{
    /// <summary>Exports the summary, office records, roster snapshots and pool files. Returns the number of files.</summary>
    public static async Task<int> ExportAsync(IRecordStore records, string drawId, DrawSummary? summary, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var paths = new List<string> { DrawPaths.Summary(drawId) };
        paths.AddRange(await records.ListAsync(DrawPaths.OfficeRecordPrefix(drawId), cancellationToken));
        paths.AddRange(await records.ListAsync($"rosters/{drawId}/", cancellationToken));
        if (summary is not null)
        {
            paths.AddRange(await records.ListAsync($"pools/{summary.PlanId}/{DrawPaths.SlotKey(summary.Slot)}/", cancellationToken));
        }

        var written = 0;
        foreach (var path in paths)
        {
            var content = await records.ReadAsync(path, cancellationToken);
            if (content is null)
            {
                continue;
            }

            var target = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, content.ToArray(), cancellationToken);
            written++;
        }

        return written;
    }
}
