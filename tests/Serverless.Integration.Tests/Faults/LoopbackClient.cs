using System.Net;
using System.Net.Sockets;

namespace Serverless.Integration.Tests.Faults;

/// <summary>
/// HTTP clients that connect from a chosen address of the loopback range 127.0.0.0/8, so a host's per-client
/// rate limits see them as different clients.
/// </summary>
internal static class LoopbackClient
{
    /// <summary>Creates a client for <paramref name="baseAddress"/> whose connections come from 127.0.0.<paramref name="host"/>.</summary>
    public static HttpClient Create(Uri baseAddress, int host)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(host, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(host, 254);
        var source = new IPAddress([127, 0, 0, (byte)host]);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress };
    }
}
