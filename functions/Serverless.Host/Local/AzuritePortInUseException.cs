namespace Serverless.Host.Local;

/// <summary>Azurite exited while starting because one of its ports was already bound.</summary>
internal sealed class AzuritePortInUseException : InvalidOperationException
{
    public AzuritePortInUseException(string message)
        : base(message)
    {
    }

    public AzuritePortInUseException()
    {
    }

    public AzuritePortInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
