using Grpc.Net.Client;

namespace Serverless.Host.Engine;

/// <summary>
/// The loopback address of the gRPC sidecar and the channel over which the worker and the client reach it.
/// </summary>
internal sealed class SidecarEndpoint : IDisposable
{
    public SidecarEndpoint(int port)
    {
        Port = port;
        Address = new Uri($"http://127.0.0.1:{port}");
        Channel = GrpcChannel.ForAddress(Address);
    }

    public int Port { get; }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public void Dispose() => Channel.Dispose();
}
