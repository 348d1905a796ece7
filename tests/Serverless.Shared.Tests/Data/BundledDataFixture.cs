using Serverless.Shared.Data;

namespace Serverless.Shared.Tests.Data;

/// <summary>The committed Guangdong data, loaded once for a test class.</summary>
public sealed class BundledDataFixture
{
    public BundledDataFixture()
    {
        Directory = BundledData.FindDefaultDirectory();
        Data = BundledData.Load(Directory);
    }

    /// <summary>The committed data directory, shared/data/guangdong.</summary>
    public string Directory { get; }

    public BundledData Data { get; }
}
