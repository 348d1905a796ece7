using System.Buffers;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace Serverless.Integration.Tests.Infrastructure;

/// <summary>
/// An in-process SMTP server on 127.0.0.1 and a free port that accepts every message and keeps it in memory.
/// A message is stored before the server replies 250, so it is in <see cref="Messages"/> once a send returns.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly MemoryMessageStore store;
    private readonly CancellationTokenSource stopping;
    private readonly Task running;

    private SmtpSink(int port, MemoryMessageStore store, CancellationTokenSource stopping, Task running)
    {
        Port = port;
        this.store = store;
        this.stopping = stopping;
        this.running = running;
    }

    /// <summary>Port the server listens on, chosen by the operating system.</summary>
    public int Port { get; }

    /// <summary>Copy of the messages received so far, in arrival order.</summary>
    public IReadOnlyList<MimeMessage> Messages => store.Snapshot();

    /// <summary>
    /// Starts a server and returns once it is listening. A <paramref name="delay"/> holds each message that long
    /// before accepting it, which makes a run of notices slow enough to interrupt.
    /// </summary>
    public static async Task<SmtpSink> StartAsync(TimeSpan? delay = null)
    {
        var store = new MemoryMessageStore(delay ?? TimeSpan.Zero);
        var listeners = new EndpointListenerFactory();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => listening.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)))
            .Build();
        var services = new ServiceProvider();
        services.Add(store);
        services.Add(listeners);

        var stopping = new CancellationTokenSource();
        var running = new SmtpServerHost(options, services).StartAsync(stopping.Token);

        // The server task ends early only when binding fails; its exception then explains why.
        var first = await Task.WhenAny(listening.Task, running).WaitAsync(StartTimeout);
        if (first != listening.Task)
        {
            await running;
            throw new InvalidOperationException("The SMTP server stopped before it was listening.");
        }

        return new SmtpSink(await listening.Task, store, stopping, running);
    }

    /// <summary>Stops the server and waits for open sessions to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await running;
        stopping.Dispose();
    }

    private sealed class MemoryMessageStore(TimeSpan delay) : MessageStore
    {
        private readonly Lock gate = new();
        private readonly List<MimeMessage> messages = [];

        public IReadOnlyList<MimeMessage> Snapshot()
        {
            lock (gate)
            {
                return [.. messages];
            }
        }

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context,
            IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            using var stream = new MemoryStream(buffer.ToArray(), writable: false);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (gate)
            {
                messages.Add(message);
            }

            return SmtpResponse.Ok;
        }
    }
}
