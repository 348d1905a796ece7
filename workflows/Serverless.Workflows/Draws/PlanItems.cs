using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Workflows.Draws;

/// <summary>Resolves a plan's item codes against the item list.</summary>
public static class PlanItems
{
    /// <summary>Returns the plan's items in plan order, or raises a ValidationException for an unknown code.</summary>
    public static async Task<IReadOnlyList<InspectionItem>> LoadAsync(
        IRegistryStore registry, DrawPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(plan);
        var all = (await registry.ListItemsAsync(cancellationToken)).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var result = new List<InspectionItem>(plan.ItemCodes.Count);
        for (var i = 0; i < plan.ItemCodes.Count; i++)
        {
            if (!all.TryGetValue(plan.ItemCodes[i], out var item))
            {
                throw new ValidationException($"plan.itemCodes[{i}]", plan.ItemCodes[i], "is not in the inspection item list");
            }

            result.Add(item);
        }

        return result;
    }

    /// <summary>Returns the plan, or raises a ValidationException when it does not exist.</summary>
    public static async Task<DrawPlan> GetPlanAsync(IRegistryStore registry, string planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return await registry.GetPlanAsync(planId, cancellationToken)
            ?? throw new ValidationException("planId", planId, "is not a known plan");
    }
}
