using Microsoft.DurableTask;
using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;
using Serverless.Shared.Storage;

namespace Serverless.Workflows.Milestones;

/// <summary>Reads whether one office has met one milestone; it only reads, so a retry repeats nothing.</summary>
public sealed class CheckMilestoneActivity(MilestoneSetStore sets, IRegistryStore registry, MilestoneEvaluator evaluator)
    : TaskActivity<MilestoneCheck, MilestoneProgress>
{
    public override Task<MilestoneProgress> RunAsync(TaskActivityContext context, MilestoneCheck input) => ExecuteAsync(input);

    public async Task<MilestoneProgress> ExecuteAsync(MilestoneCheck input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var set = await sets.GetAsync(input.SetId, input.Version, cancellationToken)
            ?? throw new ValidationException("setId", input.SetId, $"has no stored version {input.Version}");
        var tree = new OfficeTree(await registry.ListOfficesAsync(cancellationToken));
        var office = tree.Get(input.OfficeCode, "officeCode");
        return await evaluator.EvaluateAsync(
            set, set.Get(input.MilestoneId), office, input.DueDate, tree, input.FilingKey, cancellationToken);
    }
}
