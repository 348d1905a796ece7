using Microsoft.DurableTask;
using Serverless.Shared.Records;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Publication;

/// <summary>The orchestration step that adds written office records to their offices' publication chains.</summary>
public static class ChainSteps
{
    /// <summary>
    /// Appends each drawn office's record to that office's chain. There is one chain per office, so offices run in
    /// parallel; appending a record a second time changes nothing.
    /// </summary>
    public static Task AppendAsync(TaskOrchestrationContext context, IEnumerable<OfficeDrawResult> offices)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(offices);
        var chaining = offices
            .Where(o => o.Outcome == OfficeOutcome.Drawn && o.RecordPath is not null)
            .Select(o => context.CallActivityAsync<int>(
                TaskNames.AppendChain, new ChainAppendRequest(o.OfficeCode, o.RecordPath!), RetryOptions.Standard))
            .ToList();
        return Task.WhenAll(chaining);
    }
}
