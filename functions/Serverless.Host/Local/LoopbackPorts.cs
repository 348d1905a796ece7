using System.Net;
using System.Net.Sockets;

namespace Serverless.Host.Local;

/// <summary>Picks and probes TCP ports on 127.0.0.1.</summary>
internal static class LoopbackPorts
{
    /// <summary>
    /// Returns a port that was free a moment ago. Another process may take it before the caller binds it, so
    /// callers that pick ports this way retry on an address-in-use failure.
    /// </summary>
    public static int PickFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Picks <paramref name="count"/> distinct free ports, holding each open until all are chosen.</summary>
    public static IReadOnlyList<int> PickFree(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listeners.Add(listener);
                listener.Start();
            }

            return [.. listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }

    /// <summary>Returns whether a TCP connection to 127.0.0.1 on <paramref name="port"/> succeeds.</summary>
    public static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient(AddressFamily.InterNetwork);
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
