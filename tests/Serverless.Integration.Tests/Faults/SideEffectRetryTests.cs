using Azure;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Notifications;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Xunit.Abstractions;

namespace Serverless.Integration.Tests.Faults;

/// <summary>
/// The notice activity fails once after its side effect, on the real engine: the sender fails after the SMTP
/// sink accepted a notice, or marking a sent notice in the outbox fails. Neither sends a notice twice.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SideEffectRetryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly DateTimeOffset Slot = new(2027, 1, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task NoticeSender_FailsAfterSending_NeverSendsTwice()
    {
        var fault = new FaultAfterEffect();
        await using var harness = await DrawHarness.StartAsync(
            azurite, "SendFault", configureServices: services => Decorate<INoticeSender>(
                services, inner => new SenderFailingAfterSend(inner, fault)));

        var drawId = await RunDrawAsync(harness, "sendfault");

        var counts = await harness.Runtime.Storage.Outbox.CountAsync(drawId);
        var messages = harness.Smtp.Messages;
        Assert.Equal(1, fault.Injected);
        Assert.Equal(messages.Count, messages.Select(message => message.MessageId).Distinct().Count());
        Assert.Equal(await CountAssignedOfficersAsync(harness, drawId), messages.Count);
        Assert.Single(messages, message => message.MessageId == fault.Key);
        Assert.Equal(1, counts.GetValueOrDefault(NoticeState.Sending));
        Assert.Equal(messages.Count - 1, counts.GetValueOrDefault(NoticeState.Sent));
        Assert.Equal(0, counts.GetValueOrDefault(NoticeState.Pending));
        output.WriteLine(
            $"faults injected {fault.Injected} (sender failed after the SMTP sink accepted the notice); " +
            $"{messages.Count} notices received, each once; the faulted notice stays claimed; rows lost 0");
    }

    [Fact]
    public async Task OutboxMark_FailsAfterNoticeSent_MarksSent()
    {
        var fault = new FaultAfterEffect();
        await using var harness = await DrawHarness.StartAsync(
            azurite, "MarkFault", configureServices: services => Decorate<IOutboxStore>(
                services, inner => new OutboxFailingAfterMark(inner, fault)));

        var drawId = await RunDrawAsync(harness, "markfault");

        var counts = await harness.Runtime.Storage.Outbox.CountAsync(drawId);
        var messages = harness.Smtp.Messages;
        Assert.Equal(1, fault.Injected);
        Assert.Equal(messages.Count, messages.Select(message => message.MessageId).Distinct().Count());
        Assert.Equal(await CountAssignedOfficersAsync(harness, drawId), messages.Count);
        Assert.Equal(messages.Count, counts.GetValueOrDefault(NoticeState.Sent));
        Assert.Equal(0, counts.GetValueOrDefault(NoticeState.Sending) + counts.GetValueOrDefault(NoticeState.Pending));
        output.WriteLine(
            $"faults injected {fault.Injected} (marking a sent notice failed once); {messages.Count} notices " +
            $"received, each once; {counts.GetValueOrDefault(NoticeState.Sent)} marked sent; rows lost 0");
    }

    private static async Task<string> RunDrawAsync(DrawHarness harness, string planId)
    {
        await harness.SeedAsync(DrawTestData.Create(), DrawTestData.Plan(planId, ["7 11 23 31", "TEST SOURCE"]));
        await harness.Scheduler.TickAsync(harness.Client, Slot.AddDays(-3));
        await harness.Scheduler.TickAsync(harness.Client, Slot.AddMinutes(1));
        var drawId = DrawPaths.DrawId(planId, Slot);
        var summary = await harness.WaitForSummaryAsync(drawId);
        Assert.Equal(9, summary.Targets);
        return drawId;
    }

    private static async Task<int> CountAssignedOfficersAsync(DrawHarness harness, string drawId)
    {
        var officers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var office in DrawTestData.InspectingOffices)
        {
            var bytes = await harness.Runtime.Storage.Records.ReadAsync(DrawPaths.OfficeRecord(drawId, office));
            Assert.NotNull(bytes);
            var record = RecordJson.Deserialize<OfficeDrawRecord>(bytes);
            officers.UnionWith(record.Selected.SelectMany(target => target.Team).Select(member => member.OfficerId));
        }

        return officers.Count;
    }

    /// <summary>Replaces the last registration of <typeparamref name="T"/> with a wrapper around it.</summary>
    private static void Decorate<T>(IServiceCollection services, Func<T, T> wrap)
        where T : class
    {
        var descriptor = services.Last(service => service.ServiceType == typeof(T));
        services.Remove(descriptor);
        services.AddSingleton(provider =>
        {
            var inner = descriptor.ImplementationInstance
                ?? descriptor.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);
            return wrap((T)inner);
        });
    }

    /// <summary>The one fault a test injects: whether it happened, and for which notice or row.</summary>
    private sealed class FaultAfterEffect
    {
        private int injected;

        public int Injected => Volatile.Read(ref injected);

        public string? Key { get; private set; }

        /// <summary>Returns true the first time only, and records the key of the faulted notice or row.</summary>
        public bool TryInject(string key)
        {
            if (Interlocked.Exchange(ref injected, 1) == 1)
            {
                return false;
            }

            Key = key;
            return true;
        }
    }

    /// <summary>Sends through the real sender, then fails the first send as if the connection broke after it.</summary>
    private sealed class SenderFailingAfterSend(INoticeSender inner, FaultAfterEffect fault) : INoticeSender
    {
        public async Task SendAsync(Notice notice, CancellationToken cancellationToken = default)
        {
            await inner.SendAsync(notice, cancellationToken);
            if (fault.TryInject(notice.MessageId))
            {
                throw new IOException("Injected: the connection broke after the server accepted the notice.");
            }
        }
    }

    /// <summary>Fails the first mark of a sent notice as if storage were down; other calls reach the outbox.</summary>
    private sealed class OutboxFailingAfterMark(IOutboxStore inner, FaultAfterEffect fault) : IOutboxStore
    {
        public Task AddIfMissingAsync(
            string drawId, string recipientId, CancellationToken cancellationToken = default) =>
            inner.AddIfMissingAsync(drawId, recipientId, cancellationToken);

        public Task<bool> TryClaimAsync(
            string drawId, string recipientId, CancellationToken cancellationToken = default) =>
            inner.TryClaimAsync(drawId, recipientId, cancellationToken);

        public Task ReleaseAsync(
            string drawId, string recipientId, CancellationToken cancellationToken = default) =>
            inner.ReleaseAsync(drawId, recipientId, cancellationToken);

        public async Task MarkSentAsync(
            string drawId, string recipientId, string messageId, CancellationToken cancellationToken = default)
        {
            if (fault.TryInject(recipientId))
            {
                throw new RequestFailedException(503, "Injected: storage was unavailable after the notice was sent.");
            }

            await inner.MarkSentAsync(drawId, recipientId, messageId, cancellationToken);
        }

        public Task<NoticeState?> GetStateAsync(
            string drawId, string recipientId, CancellationToken cancellationToken = default) =>
            inner.GetStateAsync(drawId, recipientId, cancellationToken);

        public Task<IReadOnlyDictionary<NoticeState, int>> CountAsync(
            string drawId, CancellationToken cancellationToken = default) =>
            inner.CountAsync(drawId, cancellationToken);
    }
}
