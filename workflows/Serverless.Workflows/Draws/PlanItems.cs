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
        ArgumentNullException.ThrowIfNull(plan);
        return await ResolveAsync(registry, plan.ItemCodes, "plan.itemCodes", cancellationToken);
    }

    /// <summary>
    /// Returns the items of <paramref name="codes"/> in that order, or raises a ValidationException naming
    /// <c>{field}[i]</c> for an unknown code.
    /// </summary>
    public static async Task<IReadOnlyList<InspectionItem>> ResolveAsync(
        IRegistryStore registry, IReadOnlyList<string> codes, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(codes);
        var all = (await registry.ListItemsAsync(cancellationToken)).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var result = new List<InspectionItem>(codes.Count);
        for (var i = 0; i < codes.Count; i++)
        {
            if (!all.TryGetValue(codes[i], out var item))
            {
                throw new ValidationException($"{field}[{i}]", codes[i], "is not in the inspection item list");
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
