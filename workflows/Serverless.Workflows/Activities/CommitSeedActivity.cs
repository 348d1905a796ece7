using Microsoft.DurableTask;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;
using Serverless.Workflows.Draws;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Activities;

/// <summary>Commits a plan slot to a seed and freezes its pools; running it again returns the same commitment.</summary>
public sealed class CommitSeedActivity(IRegistryStore registry, SeedCommitter committer)
    : TaskActivity<CommitmentRequest, CommitmentResult>
{
    public override Task<CommitmentResult> RunAsync(TaskActivityContext context, CommitmentRequest input) => ExecuteAsync(input);

    public async Task<CommitmentResult> ExecuteAsync(CommitmentRequest input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await PlanItems.GetPlanAsync(registry, input.PlanId, cancellationToken);
        var tree = new OfficeTree(await registry.ListOfficesAsync(cancellationToken));
        var officeCodes = tree.InspectingOfficesIn(plan.OfficeCodes, "plan.officeCodes");
        var (commitment, _) = await committer.CommitAsync(plan, officeCodes, input.Slot, cancellationToken);
        return new CommitmentResult(commitment.SeedSha256, commitment.PoolSha256ByOffice.Count, commitment.CommittedAt);
    }
}
