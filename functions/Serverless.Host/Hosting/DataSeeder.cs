using Serverless.Shared.Data;
using Serverless.Shared.Storage;

namespace Serverless.Host.Hosting;

/// <summary>Loads bundled or exported registry data into storage. Upserts, so loading twice changes nothing.</summary>
internal static class DataSeeder
{
    /// <summary>Writes offices, items, plans, officers and employers, reporting progress as a fraction of rows.</summary>
    public static Task SeedAsync(IRegistryStore registry, BundledData data, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        return SeedAsync(
            registry, data, new GeneratedRegistry(data.Employers, data.Officers), progress, cancellationToken);
    }

    /// <summary>
    /// Writes the offices, items and plans of <paramref name="data"/> with the employers and officers of
    /// <paramref name="people"/>, such as a registry generated at another size.
    /// </summary>
    public static async Task SeedAsync(
        IRegistryStore registry, BundledData data, GeneratedRegistry people, IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(people);
        await registry.UpsertOfficesAsync(data.Offices, cancellationToken);
        await registry.UpsertItemsAsync(data.Items, cancellationToken);
        foreach (var plan in data.Plans)
        {
            await registry.UpsertPlanAsync(plan, cancellationToken);
        }

        var total = (double)(people.Officers.Count + people.Employers.Count);
        var done = 0;
        foreach (var group in people.Officers.GroupBy(o => o.OfficeCode, StringComparer.Ordinal))
        {
            var rows = group.ToList();
            await registry.UpsertOfficersAsync(rows, cancellationToken);
            done += rows.Count;
            progress?.Report(done / total);
        }

        foreach (var group in people.Employers.GroupBy(e => e.OfficeCode, StringComparer.Ordinal))
        {
            var rows = group.ToList();
            await registry.UpsertEmployersAsync(rows, cancellationToken);
            done += rows.Count;
            progress?.Report(done / total);
        }
    }
}
