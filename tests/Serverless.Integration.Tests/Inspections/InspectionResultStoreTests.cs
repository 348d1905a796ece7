using Serverless.Integration.Tests.Infrastructure;
using Serverless.Integration.Tests.Registry;
using Serverless.Shared.Registry;

namespace Serverless.Integration.Tests.Inspections;

[Collection(AzuriteCollection.Name)]
public sealed class InspectionResultStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Put_ConcurrentCorrections_EachReportsWhatItReplaced()
    {
        var store = new TableInspectionResultStore(await RegistrySamples.CreateTablesAsync(azurite));
        var entries = Enumerable.Range(0, 6).Select(i => Result($"f{i}")).ToList();

        var earlier = await Task.WhenAll(entries.Select(entry => Task.Run(() => store.PutAsync(entry))));

        // The writes happened one after the other, so the results they replaced form one chain: the first
        // replaced nothing, each later one replaced another entry, and the stored one was replaced by none.
        var stored = await store.GetAsync(RegistrySamples.Futian, "draw-1", RegistrySamples.CreditCodeFor(1));
        Assert.NotNull(stored);
        Assert.Single(earlier, result => result is null);
        var replaced = earlier.OfType<InspectionResult>().ToList();
        Assert.Equal(replaced.Count, replaced.Distinct().Count());
        Assert.DoesNotContain(stored, replaced);
        Assert.Equal(
            entries.Select(entry => entry.Findings).Order(StringComparer.Ordinal),
            replaced.Append(stored).Select(entry => entry.Findings).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Put_SameResultTwice_ReturnsItUnchanged()
    {
        var store = new TableInspectionResultStore(await RegistrySamples.CreateTablesAsync(azurite));

        var first = await store.PutAsync(Result("f0"));
        var second = await store.PutAsync(Result("f0"));

        Assert.Null(first);
        Assert.Equal(Result("f0"), second);
    }

    private static InspectionResult Result(string findings) => new(
        "draw-1", RegistrySamples.Futian, RegistrySamples.CreditCodeFor(1), "深圳市1号电子有限公司",
        new DateOnly(2026, 11, 20), InspectionOutcome.RectificationOrdered, findings);
}
