using System.Collections.Concurrent;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;
using Serverless.Workflows.Draws;

namespace Serverless.Workflows.Activities;

/// <summary>The plan, its items and the offices that every notice of one draw shows.</summary>
/// <param name="PlanName">Name of the draw's plan.</param>
/// <param name="Items">The plan's items by code.</param>
/// <param name="Offices">Every office by code.</param>
public sealed record DrawNoticeData(
    string PlanName, IReadOnlyDictionary<string, InspectionItem> Items, IReadOnlyDictionary<string, Office> Offices);

/// <summary>
/// Reads the <see cref="DrawNoticeData"/> of a draw once in this process and shares it among the draw's notices.
/// A draw sends one notice per officer, thousands for the whole province, and each would otherwise read the plan,
/// the whole item list and its office again.
/// </summary>
/// <remarks>
/// The data of the <see cref="MaxDraws"/> most recently started draws is kept. A read that fails is not kept, so
/// the next notice reads again. Notices sent by other processes read their own copy, which differs only when the
/// plan, the items or the offices changed while the draw was sending its notices.
/// </remarks>
public sealed class DrawNoticeSources(IRegistryStore registry)
{
    /// <summary>Number of draws whose data is kept.</summary>
    public const int MaxDraws = 16;

    private readonly ConcurrentDictionary<string, Lazy<Task<DrawNoticeData>>> draws = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> added = new();

    /// <summary>Returns the data of draw <paramref name="drawId"/> of plan <paramref name="planId"/>.</summary>
    /// <exception cref="ValidationException">The plan is missing, or one of its item codes is unknown.</exception>
    public async Task<DrawNoticeData> GetAsync(string drawId, string planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drawId);
        ArgumentNullException.ThrowIfNull(planId);
        var created = new Lazy<Task<DrawNoticeData>>(() => LoadAsync(planId));
        var entry = draws.GetOrAdd(drawId, created);
        if (ReferenceEquals(entry, created))
        {
            added.Enqueue(drawId);
            while (added.Count > MaxDraws && added.TryDequeue(out var oldest))
            {
                draws.TryRemove(oldest, out _);
            }
        }

        try
        {
            // The read is shared, so it runs without this caller's token and only the wait is cancelled.
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            draws.TryRemove(new KeyValuePair<string, Lazy<Task<DrawNoticeData>>>(drawId, entry));
            throw;
        }
    }

    private async Task<DrawNoticeData> LoadAsync(string planId)
    {
        var plan = await PlanItems.GetPlanAsync(registry, planId, CancellationToken.None).ConfigureAwait(false);
        var items = await PlanItems.LoadAsync(registry, plan, CancellationToken.None).ConfigureAwait(false);
        var offices = await registry.ListOfficesAsync(CancellationToken.None).ConfigureAwait(false);
        return new DrawNoticeData(
            plan.Name,
            items.ToDictionary(item => item.Code, StringComparer.Ordinal),
            offices.ToDictionary(office => office.Code, StringComparer.Ordinal));
    }
}
