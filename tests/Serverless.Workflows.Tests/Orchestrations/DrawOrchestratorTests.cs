using Microsoft.DurableTask;
using Serverless.Shared.Records;
using Serverless.Workflows.Orchestrations;
using static Serverless.Workflows.Tests.Orchestrations.OrchestrationSamples;

namespace Serverless.Workflows.Tests.Orchestrations;

public sealed class DrawOrchestratorTests
{
    private const string FirstOffice = "440303";
    private const string EmptyOffice = "440304";
    private const string LastOffice = "440305";

    private static readonly string[] OfficeCodes = [FirstOffice, EmptyOffice, LastOffice];

    private readonly DrawPreparation preparation = Preparation(OfficeCodes);
    private readonly Dictionary<string, OfficeDrawResult> officeResults = new(StringComparer.Ordinal)
    {
        [FirstOffice] = Drawn(FirstOffice, 3, "officer-01", "officer-02"),
        [EmptyOffice] = NotDrawn(EmptyOffice, OfficeOutcome.EmptyPool),
        [LastOffice] = Drawn(LastOffice, 2, "officer-07", "officer-08", "officer-09", "officer-10"),
    };

    [Fact]
    public async Task RunAsync_Request_CallsPrepareDrawOnce()
    {
        var context = Arrange();

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        var prepare = Assert.Single(context.Activities, call => call.Name == TaskNames.PrepareDraw);
        Assert.Same(Request, prepare.Input);
    }

    [Fact]
    public async Task RunAsync_EachOffice_CallsDrawOfficeOnce()
    {
        var context = Arrange();

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        var requests = context.Activities
            .Where(call => call.Name == TaskNames.DrawOffice)
            .Select(call => Assert.IsType<OfficeDrawRequest>(call.Input))
            .ToList();
        Assert.Equal(OfficeCodes, requests.Select(request => request.OfficeCode));
        Assert.All(requests, request => Assert.Same(preparation, request.Draw));
    }

    [Fact]
    public async Task RunAsync_EveryCall_CarriesRetryPolicy()
    {
        var context = Arrange();

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        var names = context.Activities.Select(call => call.Name).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                TaskNames.AppendChain,
                TaskNames.CompleteDraw,
                TaskNames.DrawOffice,
                TaskNames.PrepareDraw,
                TaskNames.SendDrawNotice,
            ],
            names);
        Assert.All(context.Activities, call => Assert.NotNull(call.Options?.Retry?.Policy));
    }

    [Fact]
    public async Task RunAsync_Offices_CompletesInOfficeOrder()
    {
        var context = Arrange();

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        var completion = CompletionOf(context);
        Assert.Same(preparation, completion.Draw);
        OfficeNoticeResult[] expected =
        [
            new(officeResults[FirstOffice], 2, 0, 0),
            new(officeResults[EmptyOffice], 0, 0, 0),
            new(officeResults[LastOffice], 4, 0, 0),
        ];
        Assert.Equal(expected, completion.Offices);
    }

    [Fact]
    public async Task RunAsync_OfficesFinishReversed_KeepsOfficeOrder()
    {
        var pending = OfficeCodes.ToDictionary(code => code, _ => new TaskCompletionSource<OfficeDrawResult>());
        var context = Arrange(office: request => pending[request.OfficeCode].Task);

        var run = new DrawOrchestrator().RunAsync(context.Object, Request);
        foreach (var code in OfficeCodes.Reverse())
        {
            pending[code].SetResult(officeResults[code]);
        }

        await run;
        var offices = CompletionOf(context).Offices;
        Assert.Equal(OfficeCodes, offices.Select(result => result.Draw.OfficeCode));
        Assert.Equal([2, 0, 4], offices.Select(result => result.NoticesSent));
    }

    [Fact]
    public async Task RunAsync_NoticesFinishReversed_CountsPerOffice()
    {
        var pending = new List<(string OfficerId, TaskCompletionSource<NoticeOutcome> Source)>();
        var context = Arrange(notice: request =>
        {
            var source = new TaskCompletionSource<NoticeOutcome>();
            pending.Add((request.OfficerId, source));
            return source.Task;
        });

        var run = new DrawOrchestrator().RunAsync(context.Object, Request);
        foreach (var (officerId, source) in Enumerable.Reverse(pending))
        {
            source.SetResult(officerId == "officer-02" ? NoticeOutcome.AlreadyHandled : NoticeOutcome.Sent);
        }

        await run;
        var offices = CompletionOf(context).Offices;
        Assert.Equal(new OfficeNoticeResult(officeResults[FirstOffice], 1, 1, 0), offices[0]);
        Assert.Equal(new OfficeNoticeResult(officeResults[LastOffice], 4, 0, 0), offices[2]);
    }

    [Fact]
    public async Task RunAsync_Completed_ReturnsCompleteDrawSummary()
    {
        var summary = Summary(preparation, 6);
        var context = Arrange(summary: summary);

        var result = await new DrawOrchestrator().RunAsync(context.Object, Request);

        Assert.Same(summary, result);
    }

    [Theory]
    [InlineData(OfficeOutcome.Rejected)]
    [InlineData(OfficeOutcome.EmptyPool)]
    public async Task RunAsync_NotDrawn_SendsNoNotices(OfficeOutcome outcome)
    {
        var notDrawn = NotDrawn(EmptyOffice, outcome);
        var context = Arrange(office: request => Task.FromResult(
            request.OfficeCode == EmptyOffice ? notDrawn : officeResults[request.OfficeCode]));

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        Assert.DoesNotContain(NoticesOf(context), notice => notice.OfficeCode == EmptyOffice);
        Assert.Equal(new OfficeNoticeResult(notDrawn, 0, 0, 0), CompletionOf(context).Offices[1]);
    }

    [Theory]
    [InlineData(OfficeOutcome.Rejected)]
    [InlineData(OfficeOutcome.EmptyPool)]
    public async Task RunAsync_NotDrawn_LogsWarning(OfficeOutcome outcome)
    {
        var context = Arrange(office: request => Task.FromResult(
            request.OfficeCode == EmptyOffice ? NotDrawn(EmptyOffice, outcome) : officeResults[request.OfficeCode]));

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        var entry = Assert.Single(context.Logs.Entries, entry => entry.EventId == 1002);
        Assert.Contains(EmptyOffice, entry.Message, StringComparison.Ordinal);
        Assert.Contains(outcome.ToString(), entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Drawn_SendsOneNoticePerOfficer()
    {
        var context = Arrange();

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        var notices = NoticesOf(context);
        (string OfficeCode, string OfficerId)[] expected =
        [
            (FirstOffice, "officer-01"),
            (FirstOffice, "officer-02"),
            (LastOffice, "officer-07"),
            (LastOffice, "officer-08"),
            (LastOffice, "officer-09"),
            (LastOffice, "officer-10"),
        ];
        Assert.Equal(expected, notices.Select(notice => (notice.OfficeCode, notice.OfficerId)));
        Assert.All(notices, notice => Assert.Same(preparation, notice.Draw));
    }

    [Fact]
    public async Task RunAsync_AlreadyHandled_CountsSkipped()
    {
        var context = Arrange(notice: request => request.OfficerId == "officer-08"
            ? Task.FromResult(NoticeOutcome.AlreadyHandled)
            : Sent());

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        var offices = CompletionOf(context).Offices;
        Assert.Equal(new OfficeNoticeResult(officeResults[FirstOffice], 2, 0, 0), offices[0]);
        Assert.Equal(new OfficeNoticeResult(officeResults[LastOffice], 3, 1, 0), offices[2]);
    }

    [Fact]
    public async Task RunAsync_OneNoticeFails_CountsFailed()
    {
        var context = Arrange(notice: request => request.OfficerId == "officer-08"
            ? Task.FromException<NoticeOutcome>(NoticeFailure())
            : Sent());

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        var offices = CompletionOf(context).Offices;
        Assert.Equal(new OfficeNoticeResult(officeResults[FirstOffice], 2, 0, 0), offices[0]);
        Assert.Equal(new OfficeNoticeResult(officeResults[LastOffice], 3, 0, 1), offices[2]);
        Assert.Equal(6, NoticesOf(context).Count);
    }

    [Fact]
    public async Task RunAsync_NoticeFails_LogsErrorType()
    {
        var context = Arrange(notice: request => request.OfficerId == "officer-08"
            ? Task.FromException<NoticeOutcome>(NoticeFailure())
            : Sent());

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        var entry = Assert.Single(context.Logs.Entries, entry => entry.EventId == 1003);
        Assert.Contains("officer-08", entry.Message, StringComparison.Ordinal);
        Assert.Contains("NoticeDeliveryException", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoticeThrowsOtherException_Propagates()
    {
        var failure = new InvalidOperationException("not a task failure");
        var context = Arrange(notice: request => request.OfficerId == "officer-08"
            ? Task.FromException<NoticeOutcome>(failure)
            : Sent());

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new DrawOrchestrator().RunAsync(context.Object, Request));

        Assert.Same(failure, thrown);
        Assert.DoesNotContain(context.Activities, call => call.Name == TaskNames.CompleteDraw);
    }

    [Fact]
    public async Task RunAsync_CustomStatus_IsOnlyProgressCounts()
    {
        var context = Arrange();

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        Assert.All(context.Statuses, status => Assert.IsType<DrawProgress>(status));
        var stages = context.Statuses.Cast<DrawProgress>().Select(progress => progress.Stage);
        Assert.Equal(
            ["preparing", "drawing", "drawing", "notifying", "notifying", "completing", "completed"], stages);
    }

    [Fact]
    public async Task RunAsync_LastStatus_SumsEveryOffice()
    {
        var context = Arrange();

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        var last = Assert.IsType<DrawProgress>(context.Statuses[^1]);
        Assert.Equal("completed", last.Stage);
        Assert.Equal(3, last.Offices);
        Assert.Equal(3, last.OfficesDone);
        Assert.Equal(5, last.Targets);
        Assert.Equal(6, last.NoticesSent);
    }

    [Fact]
    public async Task RunAsync_SkippedAndFailed_NotCountedAsSent()
    {
        var context = Arrange(notice: request => request.OfficerId switch
        {
            "officer-01" => Task.FromResult(NoticeOutcome.AlreadyHandled),
            "officer-09" => Task.FromException<NoticeOutcome>(NoticeFailure()),
            _ => Sent(),
        });

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        var last = Assert.IsType<DrawProgress>(context.Statuses[^1]);
        Assert.Equal("completed", last.Stage);
        Assert.Equal(4, last.NoticesSent);
    }

    [Fact]
    public async Task RunAsync_NoOffices_CompletesWithEmptyResults()
    {
        var context = Arrange(preparation: Preparation());

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        Assert.DoesNotContain(context.Activities, call => call.Name == TaskNames.DrawOffice);
        Assert.Empty(NoticesOf(context));
        Assert.Empty(CompletionOf(context).Offices);
        Assert.Equal(new DrawProgress("completed", 0, 0, 0, 0), context.Statuses[^1]);
    }

    [Fact]
    public async Task RunAsync_OfficeFails_ThrowsWithoutCompletingDraw()
    {
        var details = new TaskFailureDetails("System.InvalidOperationException", "failed", null, null, null);
        var failure = new TaskFailedException(TaskNames.DrawOffice, 3, details);
        var context = Arrange(office: request => request.OfficeCode == EmptyOffice
            ? Task.FromException<OfficeDrawResult>(failure)
            : Task.FromResult(officeResults[request.OfficeCode]));

        var thrown = await Assert.ThrowsAsync<TaskFailedException>(
            () => new DrawOrchestrator().RunAsync(context.Object, Request));

        Assert.Same(failure, thrown);
        Assert.Empty(NoticesOf(context));
        Assert.DoesNotContain(context.Activities, call => call.Name == TaskNames.CompleteDraw);
    }

    [Fact]
    public async Task RunAsync_ManyOfficers_SendsEveryNotice()
    {
        var context = ArrangeManyOfficers();

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        var officerIds = NoticesOf(context).Select(notice => notice.OfficerId).ToList();
        Assert.Equal(OfficerIds(1, 120), officerIds.Order(StringComparer.Ordinal));
        Assert.Equal([70, 0, 50], CompletionOf(context).Offices.Select(office => office.NoticesSent));
        Assert.Equal(120, Assert.IsType<DrawProgress>(context.Statuses[^1]).NoticesSent);
    }

    [Fact]
    public async Task RunAsync_ManyOfficers_UpdatesStatusPerChunk()
    {
        var context = ArrangeManyOfficers();

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        var notifying = context.Statuses
            .Cast<DrawProgress>()
            .Where(progress => progress.Stage == "notifying")
            .Select(progress => progress.NoticesSent);
        Assert.Equal([0, 50, 100, 120], notifying);
    }

    [Fact]
    public async Task RunAsync_NotReplaying_LogsEachStep()
    {
        var context = Arrange();

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        Assert.Equal([1000, 1002, 1001], context.Logs.Entries.Select(entry => entry.EventId));
    }

    [Fact]
    public async Task RunAsync_Replaying_WritesNoLogs()
    {
        var context = Arrange(
            notice: request => request.OfficerId == "officer-08"
                ? Task.FromException<NoticeOutcome>(NoticeFailure())
                : Sent(),
            isReplaying: true);

        await new DrawOrchestrator().RunAsync(context.Object, Request);

        Assert.Equal(1, CompletionOf(context).Offices[2].NoticesFailed);
        Assert.Empty(context.Logs.Entries);
    }

    private OrchestrationContextMock Arrange(
        Func<OfficeDrawRequest, Task<OfficeDrawResult>>? office = null,
        Func<NoticeRequest, Task<NoticeOutcome>>? notice = null,
        DrawPreparation? preparation = null,
        DrawSummary? summary = null,
        bool isReplaying = false)
    {
        var draw = preparation ?? this.preparation;
        var context = new OrchestrationContextMock(isReplaying);
        context.SetupActivity(TaskNames.PrepareDraw, _ => Task.FromResult(draw));
        context.SetupActivity(TaskNames.DrawOffice, input =>
        {
            var request = Assert.IsType<OfficeDrawRequest>(input);
            return office is null ? Task.FromResult(officeResults[request.OfficeCode]) : office(request);
        });
        context.SetupActivity(TaskNames.SendDrawNotice, input =>
        {
            var request = Assert.IsType<NoticeRequest>(input);
            return notice is null ? Sent() : notice(request);
        });
        context.SetupActivity(TaskNames.AppendChain, _ => Task.FromResult(1));
        context.SetupActivity(TaskNames.CompleteDraw, _ => Task.FromResult(summary ?? Summary(draw, 6)));
        return context;
    }

    /// <summary>
    /// Arranges 120 officers over two drawn offices (70 and 50) around a rejected one, so the notices span three
    /// progress chunks and the second chunk contains officers of both offices.
    /// </summary>
    private OrchestrationContextMock ArrangeManyOfficers()
    {
        officeResults[FirstOffice] = Drawn(FirstOffice, 35, OfficerIds(1, 70));
        officeResults[EmptyOffice] = NotDrawn(EmptyOffice, OfficeOutcome.Rejected);
        officeResults[LastOffice] = Drawn(LastOffice, 25, OfficerIds(71, 50));
        return Arrange();
    }

    private static Task<NoticeOutcome> Sent() => Task.FromResult(NoticeOutcome.Sent);

    private static TaskFailedException NoticeFailure() => new(
        TaskNames.SendDrawNotice,
        4,
        new TaskFailureDetails(
            "Serverless.Shared.Notifications.NoticeDeliveryException", "SMTP server unreachable", null, null, null));

    private static DrawCompletion CompletionOf(OrchestrationContextMock context)
    {
        var complete = Assert.Single(context.Activities, call => call.Name == TaskNames.CompleteDraw);
        return Assert.IsType<DrawCompletion>(complete.Input);
    }

    private static List<NoticeRequest> NoticesOf(OrchestrationContextMock context) =>
        [.. context.Activities
            .Where(call => call.Name == TaskNames.SendDrawNotice)
            .Select(call => Assert.IsType<NoticeRequest>(call.Input))];
}
