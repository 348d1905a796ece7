using Microsoft.DurableTask;
using Serverless.Shared.Publication;

namespace Serverless.Workflows.Publication;

/// <summary>
/// Appends a written office record to its office's publication chain and returns the entry's position. A
/// record already in the chain keeps its entry, so running the activity again changes nothing.
/// </summary>
public sealed class AppendChainActivity(PublicationChain chain) : TaskActivity<ChainAppendRequest, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, ChainAppendRequest input) => ExecuteAsync(input);

    public async Task<int> ExecuteAsync(ChainAppendRequest input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var entry = await chain.AppendAsync(input.OfficeCode, input.RecordPath, cancellationToken);
        return entry.Seq;
    }
}
