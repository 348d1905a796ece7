using Microsoft.Azure.Functions.Worker;
using Serverless.Workflows;
using Serverless.Workflows.Publication;

namespace Serverless.Functions.Triggers;

/// <summary>Activity trigger that appends a written office record to its office's publication chain.</summary>
public sealed class PublicChainActivityFunction(AppendChainActivity append)
{
    [Function(TaskNames.AppendChain)]
    public Task<int> AppendChain([ActivityTrigger] ChainAppendRequest input, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return append.ExecuteAsync(input, context.CancellationToken);
    }
}
