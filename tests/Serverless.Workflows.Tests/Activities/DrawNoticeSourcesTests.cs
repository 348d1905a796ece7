using Moq;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;
using Serverless.Workflows.Activities;

namespace Serverless.Workflows.Tests.Activities;

public sealed class DrawNoticeSourcesTests
{
    private static readonly DrawPlan Plan = new(
        "gd-monthly", "广东省月度抽查", "440000", ["440304"], ["LS-01"], "0 0 9 1 * *", new TargetRule(),
        ExclusionMonths: 12, OfficersPerTarget: 2, MaxTargetsPerOfficer: null, InspectionDays: 30, []);

    private static readonly InspectionItem Item = new(
        "LS-01", "劳动合同", "检查书面劳动合同的订立情况", "《中华人民共和国劳动合同法》第十条", TargetType.Employer,
        IsKeyItem: true, "现场检查", 0.05m, "每年一次", OfficeTier.County, 1);

    private static readonly Office Futian = new("440304", "福田区", OfficeTier.County, "440300", "futian@hrss.gd.example", true);

    private readonly Mock<IRegistryStore> registry = new(MockBehavior.Strict);

    public DrawNoticeSourcesTests()
    {
        registry.Setup(r => r.GetPlanAsync("gd-monthly", It.IsAny<CancellationToken>())).ReturnsAsync(Plan);
        registry.Setup(r => r.ListItemsAsync(It.IsAny<CancellationToken>())).ReturnsAsync([Item]);
        registry.Setup(r => r.ListOfficesAsync(It.IsAny<CancellationToken>())).ReturnsAsync([Futian]);
    }

    [Fact]
    public async Task GetAsync_SameDrawTwice_ReadsOnce()
    {
        var sources = new DrawNoticeSources(registry.Object);

        var first = await sources.GetAsync("draw-1", "gd-monthly", CancellationToken.None);
        var second = await sources.GetAsync("draw-1", "gd-monthly", CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal("广东省月度抽查", first.PlanName);
        Assert.Equal(Item, first.Items["LS-01"]);
        Assert.Equal("福田区", first.Offices["440304"].Name);
        registry.Verify(r => r.GetPlanAsync("gd-monthly", It.IsAny<CancellationToken>()), Times.Once());
        registry.Verify(r => r.ListOfficesAsync(It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task GetAsync_FailedRead_ReadsAgain()
    {
        registry.SetupSequence(r => r.GetPlanAsync("gd-monthly", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("table storage unavailable"))
            .ReturnsAsync(Plan);
        var sources = new DrawNoticeSources(registry.Object);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => sources.GetAsync("draw-1", "gd-monthly", CancellationToken.None));
        var data = await sources.GetAsync("draw-1", "gd-monthly", CancellationToken.None);

        Assert.Equal("广东省月度抽查", data.PlanName);
        registry.Verify(r => r.GetPlanAsync("gd-monthly", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task GetAsync_UnknownPlan_RaisesValidation()
    {
        registry.Setup(r => r.GetPlanAsync("gone", It.IsAny<CancellationToken>())).ReturnsAsync((DrawPlan?)null);
        var sources = new DrawNoticeSources(registry.Object);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => sources.GetAsync("draw-1", "gone", CancellationToken.None));

        Assert.Equal("planId", error.Field);
    }

    [Fact]
    public async Task GetAsync_MoreDrawsThanKept_ReadsOldestAgain()
    {
        var sources = new DrawNoticeSources(registry.Object);
        for (var i = 0; i <= DrawNoticeSources.MaxDraws; i++)
        {
            await sources.GetAsync($"draw-{i}", "gd-monthly", CancellationToken.None);
        }

        await sources.GetAsync($"draw-{DrawNoticeSources.MaxDraws}", "gd-monthly", CancellationToken.None);
        registry.Verify(
            r => r.GetPlanAsync("gd-monthly", It.IsAny<CancellationToken>()), Times.Exactly(DrawNoticeSources.MaxDraws + 1));

        await sources.GetAsync("draw-0", "gd-monthly", CancellationToken.None);
        registry.Verify(
            r => r.GetPlanAsync("gd-monthly", It.IsAny<CancellationToken>()), Times.Exactly(DrawNoticeSources.MaxDraws + 2));
    }
}
