namespace Serverless.Host.Local;

/// <summary>The blob, queue and table ports of one Azurite launch.</summary>
internal sealed record AzuritePorts(int Blob, int Queue, int Table)
{
    /// <summary>Takes the ports from <paramref name="options"/>, picking a free port for each one left at 0.</summary>
    public static AzuritePorts Resolve(AzuriteOptions options)
    {
        var free = LoopbackPorts.PickFree(3);
        return new AzuritePorts(
            options.BlobPort == 0 ? free[0] : options.BlobPort,
            options.QueuePort == 0 ? free[1] : options.QueuePort,
            options.TablePort == 0 ? free[2] : options.TablePort);
    }
}
