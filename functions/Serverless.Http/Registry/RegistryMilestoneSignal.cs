using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;
using Serverless.Shared.Storage;
using Serverless.Workflows.Milestones;

namespace Serverless.Http.Registry;

/// <summary>
/// Tells the roster and registry milestone orchestrations that registry rows changed, so a milestone that the
/// change completes ends at once instead of at its next reminder.
/// </summary>
internal static partial class RegistryMilestoneSignal
{
    /// <summary>
    /// Raises the data-changed event for the latest version of the set named by the <c>set</c> query value
    /// (default gd-2016). Does nothing in a host without a durable client or without a stored set. A failure to
    /// raise is logged and not returned to the caller, because the write has landed and each reminder re-checks
    /// the data anyway.
    /// </summary>
    public static async Task RaiseAsync(HttpContext context, DurableTaskClient? client, string officeCode)
    {
        var sets = context.RequestServices.GetService<MilestoneSetStore>();
        var registry = context.RequestServices.GetService<IRegistryStore>();
        if (client is null || sets is null || registry is null)
        {
            return;
        }

        var setId = context.Request.Query["set"].ToString() is { Length: > 0 } named ? named : GuangdongMilestones.SetId;
        try
        {
            var set = await sets.GetAsync(setId, null, context.RequestAborted).ConfigureAwait(false);
            if (set is null)
            {
                return;
            }

            var tree = new OfficeTree(await registry.ListOfficesAsync(context.RequestAborted).ConfigureAwait(false));
            await MilestoneInstances.RaiseRegistryChangedAsync(client, set, tree, officeCode, context.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (RpcException failure)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RegistryMilestoneSignal));
            SignalFailed(logger, officeCode, setId, failure);
        }
    }

    [LoggerMessage(
        EventId = 6201,
        Level = LogLevel.Warning,
        Message = "Could not tell the milestones of set {SetId} that the registry of office {OfficeCode} changed; "
            + "they see it at their next reminder")]
    private static partial void SignalFailed(ILogger logger, string officeCode, string setId, Exception exception);
}
