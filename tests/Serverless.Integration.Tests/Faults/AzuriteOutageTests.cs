using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Host.Hosting;
using Serverless.Host.Local;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows;
using Serverless.Workflows.Orchestrations;
using Serverless.Workflows.Scheduling;
using Xunit.Abstractions;

namespace Serverless.Integration.Tests.Faults;

/// <summary>
/// Azurite, the only storage of a self-host, is stopped for 30 seconds while a draw sends its notices and then
/// started again on the same ports and folder. The draw must complete with the rows, blobs and notices of a run
/// without the fault, each written once, and the host must log the failed storage calls it retried.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteOutageTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly DateTimeOffset Slot = new(2027, 5, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly string[] Sources = ["5 17 29 36 44", "2027-05-01 开奖"];
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StoppedThirtySeconds_DrawCompletesWrittenOnce()
    {
        var data = DrawTestData.Create(employersPerOffice: 200, officersPerOffice: 12);
        var plan = DrawTestData.Plan("outage", Sources);
        var drawId = DrawPaths.DrawId(plan.PlanId, Slot);

        // A run without the fault, on the shared Azurite, gives the expected keys and notices.
        IReadOnlyList<string> expectedKeys;
        int expectedNotices;
        await using (var reference = await DrawHarness.StartAsync(azurite, "RefOut", configure: WithOwnTaskHub))
        {
            await reference.SeedAsync(data, plan);
            await reference.Scheduler.StartOnceAsync(
                reference.Client, TaskNames.DrawOrchestrator, drawId, new DrawRequest(plan.PlanId, Slot), CancellationToken.None);
            await reference.WaitForSummaryAsync(drawId);
            expectedKeys = await ProductKeysAsync(reference.Runtime.Storage, reference.Settings);
            expectedNotices = reference.Smtp.Messages.Count;
        }

        var folder = Path.Combine(Path.GetTempPath(), "serverless-tests", "azurite-" + Guid.NewGuid().ToString("N")[..8]);
        var storageOptions = new AzuriteOptions { Location = folder };
        var storageProcess = await AzuriteProcess.StartAsync(storageOptions, CancellationToken.None);
        storageOptions = storageOptions with
        {
            BlobPort = storageProcess.BlobPort,
            QueuePort = storageProcess.QueuePort,
            TablePort = storageProcess.TablePort,
        };
        var logs = new CapturingLoggerProvider();
        await using var smtp = await SmtpSink.StartAsync(delay: TimeSpan.FromMilliseconds(200));
        var settings = WithOwnTaskHub(DrawHarness.CreateSettings(storageProcess.ConnectionString, "Outage", smtp.Port));
        try
        {
            await using var runtime = await HostRuntime.StartAsync(
                settings, serve: false, LogLevel.Information, CancellationToken.None,
                services => services.AddSingleton<ILoggerProvider>(logs));
            await DrawHarness.SeedAsync(runtime.Storage.Registry, data, plan);
            var scheduler = runtime.Services.GetRequiredService<DrawScheduler>();
            await scheduler.StartOnceAsync(
                runtime.Client, TaskNames.DrawOrchestrator, drawId, new DrawRequest(plan.PlanId, Slot), CancellationToken.None);

            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (smtp.Messages.Count < 5 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.InRange(smtp.Messages.Count, 5, expectedNotices - 1);
            var sentBeforeStop = smtp.Messages.Count;
            var linesBeforeStop = logs.Lines.Count;
            await storageProcess.StopAsync();
            await storageProcess.DisposeAsync();
            await Task.Delay(Outage);
            var sentDuringOutage = smtp.Messages.Count - sentBeforeStop;
            storageProcess = await AzuriteProcess.StartAsync(storageOptions, CancellationToken.None);

            using var wait = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var instance = await runtime.Client.WaitForInstanceCompletionAsync(drawId, getInputsAndOutputs: true, wait.Token);
            var keys = await ProductKeysAsync(runtime.Storage, settings);
            var messageIds = smtp.Messages.Select(m => m.MessageId).ToList();
            var outbox = await runtime.Storage.Outbox.CountAsync(drawId);
            var failures = logs.Lines.Skip(linesBeforeStop)
                .Where(line => line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal))
                .ToList();
            output.WriteLine(
                $"faults injected: 1 (Azurite stopped for {Outage.TotalSeconds:0} s after {sentBeforeStop} notices); " +
                $"notices sent during the outage: {sentDuringOutage}; storage failures logged: {failures.Count}; " +
                $"keys: {keys.Count} (reference {expectedKeys.Count}); notices: {messageIds.Count} " +
                $"(reference {expectedNotices}), {messageIds.Distinct().Count()} distinct; " +
                $"rows lost: {expectedKeys.Except(keys).Count()}; rows extra: {keys.Except(expectedKeys).Count()}");
            foreach (var line in failures.Take(5))
            {
                output.WriteLine(line.Length > 200 ? line[..200] : line);
            }

            Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
            Assert.NotEmpty(failures);
            Assert.Equal(expectedKeys, keys);
            Assert.Equal(messageIds.Count, messageIds.Distinct().Count());
            Assert.Equal(0, outbox.GetValueOrDefault(NoticeState.Pending));
            Assert.InRange(
                messageIds.Count,
                outbox.GetValueOrDefault(NoticeState.Sent),
                outbox.GetValueOrDefault(NoticeState.Sent) + outbox.GetValueOrDefault(NoticeState.Sending));
            Assert.InRange(messageIds.Count, expectedNotices - outbox.GetValueOrDefault(NoticeState.Sending), expectedNotices);
        }
        finally
        {
            await storageProcess.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A task hub name that differs from the table prefix, so the snapshot can leave the hub out.</summary>
    private static HostSettings WithOwnTaskHub(HostSettings settings) =>
        settings with { TaskHub = "Hub" + settings.TaskHub };

    private static async Task<IReadOnlyList<string>> ProductKeysAsync(StorageContext storage, HostSettings settings) =>
        (await StorageSnapshot.TakeAsync(storage, settings.TaskHub)).KeysWithout(settings.StoragePrefix);
}
