using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;

namespace Serverless.Integration.Tests.Draws;

/// <summary>Bad input is rejected with a message naming the field and value, and nothing is written partly.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DrawRejectionTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Slot = new(2027, 2, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Office_TargetWithOneEligibleOfficer_IsRejectedAndWritesNothing()
    {
        await using var harness = await DrawHarness.StartAsync(azurite, "Short");
        var data = DrawTestData.Create();
        var dongguan = data.Officers.Where(o => o.OfficeCode == DrawTestData.Dongguan).ToList();
        foreach (var officer in dongguan.Skip(1))
        {
            data.Officers[data.Officers.IndexOf(officer)] = officer with { Status = OfficerStatus.Suspended };
        }

        await harness.SeedAsync(data, DrawTestData.Plan("short", ["5 9 13"]));
        await harness.Scheduler.TickAsync(harness.Client, Slot.AddDays(-1));
        await harness.Scheduler.TickAsync(harness.Client, Slot.AddMinutes(1));
        var drawId = DrawPaths.DrawId("short", Slot);
        var summary = await harness.WaitForSummaryAsync(drawId);

        Assert.Equal(2, summary.OfficesDrawn);
        Assert.Equal(1, summary.OfficesRejected);
        var rejected = Assert.Single(summary.OfficeResults, o => o.Outcome == OfficeOutcome.Rejected);
        Assert.Equal(DrawTestData.Dongguan, rejected.OfficeCode);
        Assert.Contains("cannot get a full team", rejected.Problem, StringComparison.Ordinal);
        Assert.Contains("1 eligible", rejected.Problem, StringComparison.Ordinal);
        Assert.Null(await harness.Runtime.Storage.Records.ReadAsync(DrawPaths.OfficeRecord(drawId, DrawTestData.Dongguan)));
        Assert.Null(await harness.Runtime.Storage.Records.ReadAsync(DrawPaths.Roster(drawId, DrawTestData.Dongguan)));
        foreach (var officer in dongguan)
        {
            Assert.Empty(await harness.Runtime.Storage.Assignments.ListByOfficerAsync(officer.OfficerId, drawId));
            Assert.Null(await harness.Runtime.Storage.Outbox.GetStateAsync(drawId, officer.OfficerId));
        }

        var dongguanAddresses = dongguan.Select(o => o.Email).ToHashSet();
        Assert.DoesNotContain(harness.Smtp.Messages, m => m.To.Mailboxes.Any(a => dongguanAddresses.Contains(a.Address)));
    }

    [Fact]
    public async Task Employers_InvalidCreditCode_RejectedAndNothingWritten()
    {
        await using var harness = await DrawHarness.StartAsync(azurite, "Credit");
        var data = DrawTestData.Create(employersPerOffice: 5);
        await harness.SeedAsync(data);
        var valid = DrawTestData.CreditCodeFor(DrawTestData.Luohu, 100);
        var wrongCheck = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var batch = new[]
        {
            data.Employers[0] with { CreditCode = valid },
            data.Employers[0] with { CreditCode = wrongCheck },
        };

        var error = await Assert.ThrowsAsync<ValidationException>(() => harness.Runtime.Storage.Registry.UpsertEmployersAsync(batch));

        Assert.Contains("creditCode", error.Field, StringComparison.Ordinal);
        Assert.Equal(wrongCheck, error.Value);
        Assert.Contains("check character", error.Message, StringComparison.Ordinal);
        var stored = await harness.Runtime.Storage.Registry.ListEmployersAsync(DrawTestData.Luohu);
        Assert.DoesNotContain(stored, e => e.CreditCode == valid);
        Assert.Equal(5, stored.Count);
    }

    [Fact]
    public async Task Employers_UnknownOfficeCode_RejectedAndNothingWritten()
    {
        await using var harness = await DrawHarness.StartAsync(azurite, "Office");
        var data = DrawTestData.Create(employersPerOffice: 2);
        await harness.SeedAsync(data);
        var stranger = data.Employers[0] with { CreditCode = DrawTestData.CreditCodeFor("449999", 1), OfficeCode = "449999" };
        var fine = data.Employers[0] with { CreditCode = DrawTestData.CreditCodeFor(DrawTestData.Luohu, 77) };

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => harness.Runtime.Storage.Registry.UpsertEmployersAsync([fine, stranger]));

        Assert.Contains("officeCode", error.Field, StringComparison.Ordinal);
        Assert.Equal("449999", error.Value);
        Assert.Empty(await harness.Runtime.Storage.Registry.ListEmployersAsync("449999"));
        Assert.DoesNotContain(await harness.Runtime.Storage.Registry.ListEmployersAsync(DrawTestData.Luohu), e => e.CreditCode == fine.CreditCode);
    }

    [Fact]
    public async Task Plan_RatioAboveOne_RejectedAndNotStored()
    {
        await using var harness = await DrawHarness.StartAsync(azurite, "Ratio");
        await harness.SeedAsync(DrawTestData.Create(employersPerOffice: 2));

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => harness.Runtime.Storage.Registry.UpsertPlanAsync(DrawTestData.Plan("toomuch", ratio: 1.5m)));

        Assert.Contains("ratio", error.Field, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("1.5", error.Value);
        Assert.Null(await harness.Runtime.Storage.Registry.GetPlanAsync("toomuch"));
    }

    [Fact]
    public async Task Plan_OneOfficerPerTarget_RejectedAndNotStored()
    {
        await using var harness = await DrawHarness.StartAsync(azurite, "Team");
        await harness.SeedAsync(DrawTestData.Create(employersPerOffice: 2));

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => harness.Runtime.Storage.Registry.UpsertPlanAsync(DrawTestData.Plan("solo", officersPerTarget: 1)));

        Assert.Contains("officersPerTarget", error.Field, StringComparison.Ordinal);
        Assert.Null(await harness.Runtime.Storage.Registry.GetPlanAsync("solo"));
    }
}
