using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Host.Observability;
using Serverless.Infra.Tests.Logging;

namespace Serverless.Infra.Tests.Observability;

/// <summary>
/// The counters follow the log events of the workflows, through the logging that
/// <see cref="TelemetryExtensions.AddInspectionTelemetry"/> sets up.
/// </summary>
public sealed class InspectionMetricsTests : IDisposable
{
    private readonly WebApplication app;
    private readonly MetricsRecorder recorder;
    private readonly ILogger logger;

    public InspectionMetricsTests()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();

        // The commands run with warnings only on the console; the counters must still see Information.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddInspectionTelemetry();
        app = builder.Build();
        recorder = new MetricsRecorder(app.Services.GetRequiredService<IMeterFactory>());
        _ = app.Services.GetRequiredService<InspectionMetrics>();
        logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Serverless.Workflows.Orchestrations");
    }

    public void Dispose()
    {
        recorder.Dispose();
        ((IDisposable)app).Dispose();
    }

    [Fact]
    public void DrawStarted_AtWarningLevel_CountsOne()
    {
        SampleLog.DrawStarted(logger, "draw-1", 12);

        Assert.Equal(1, recorder.Total("inspection.draws.started"));
        Assert.Equal(["scheduled"], recorder.Sources("inspection.draws.started"));
    }

    [Fact]
    public void OfficeDrawn_AddsTargets()
    {
        SampleLog.OfficeDrawn(logger, "draw-1", "440103", 42, 840);
        SampleLog.OfficeDrawn(logger, "draw-1", "440104", 8, 160);

        Assert.Equal(50, recorder.Total("inspection.targets.drawn"));
    }

    [Fact]
    public void NoticeFailed_CountsOne()
    {
        SampleLog.NoticeFailed(logger, "draw-1", "officer-1", "SmtpCommandException");

        Assert.Equal(1, recorder.Total("inspection.notices.failed"));
    }

    [Fact]
    public void ReminderSent_CountsOne()
    {
        SampleLog.ReminderSent(logger, "milestone-1", "message-1");

        Assert.Equal(1, recorder.Total("inspection.reminders.sent"));
        Assert.Equal(["milestone"], recorder.Sources("inspection.reminders.sent"));
    }

    [Fact]
    public void OtherEvent_CountsNothing()
    {
        SampleLog.OfficeRejected(logger, "draw-1", "440103", "too few officers");

        Assert.Equal(0, recorder.Total("inspection.targets.drawn"));
        Assert.Equal(0, recorder.Total("inspection.draws.started"));
    }

    [Fact]
    public void MeteredEvents_MatchProductMessages()
    {
        foreach (var metered in MeteredEvents.All)
        {
            var message = LoggerMessages.All.SingleOrDefault(m => m.EventId == metered.EventId);
            Assert.True(message is not null, $"no [LoggerMessage] has event id {metered.EventId}");
            if (metered.ValueParameter is { } parameter)
            {
                Assert.Contains("{" + parameter + "}", message.Attribute.Message, StringComparison.Ordinal);
            }
        }
    }
}
