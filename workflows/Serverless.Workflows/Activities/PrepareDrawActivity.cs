using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows.Draws;
using Serverless.Workflows.Logging;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Activities;

/// <summary>
/// Resolves a draw's offices and entropy. A plan without declared sources uses its committed seed; when no
/// commitment exists (the host was down before the draw day), one is made now and the record marks it late.
/// </summary>
public sealed class PrepareDrawActivity(
    IRegistryStore registry, ICommitmentStore commitments, SeedCommitter committer, ILogger<PrepareDrawActivity> logger)
    : TaskActivity<DrawRequest, DrawPreparation>
{
    public override Task<DrawPreparation> RunAsync(TaskActivityContext context, DrawRequest input) => ExecuteAsync(input);

    public async Task<DrawPreparation> ExecuteAsync(DrawRequest input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await PlanItems.GetPlanAsync(registry, input.PlanId, cancellationToken);
        var tree = new OfficeTree(await registry.ListOfficesAsync(cancellationToken));
        var officeCodes = tree.InspectingOfficesIn(plan.OfficeCodes, "plan.officeCodes");
        var drawnOn = ChinaTime.DateOf(input.Slot);
        var deadline = drawnOn.AddDays(plan.InspectionDays);
        var drawId = DrawPaths.DrawId(plan.PlanId, input.Slot);

        if (plan.EntropySources.Count > 0)
        {
            return new DrawPreparation(
                drawId, plan.PlanId, input.Slot, officeCodes, plan.EntropySources, null, null, false, drawnOn, deadline);
        }

        var existing = await commitments.GetAsync(plan.PlanId, input.Slot, cancellationToken);
        if (existing is null)
        {
            WorkflowLog.CommitmentLate(logger, plan.PlanId, input.Slot);
        }

        var (commitment, seed) = await committer.CommitAsync(plan, officeCodes, input.Slot, cancellationToken);
        var late = ChinaTime.DateOf(commitment.CommittedAt) >= drawnOn;
        return new DrawPreparation(
            drawId, plan.PlanId, input.Slot, officeCodes, [seed], commitment.SeedSha256, commitment.CommittedAt, late, drawnOn, deadline);
    }
}
