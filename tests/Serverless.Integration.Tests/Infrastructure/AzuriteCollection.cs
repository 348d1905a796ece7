using System.Diagnostics.CodeAnalysis;

namespace Serverless.Integration.Tests.Infrastructure;

/// <summary>
/// Test collection whose classes, marked [Collection("Azurite")], share one <see cref="AzuriteFixture"/>.
/// </summary>
[CollectionDefinition(Name)]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "xunit names collection definitions after the collection they define.")]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>Name of the collection.</summary>
    public const string Name = "Azurite";
}
