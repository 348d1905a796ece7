using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serverless.Host.Engine;
using Serverless.Shared.Domain;

namespace Serverless.Integration.Tests.Engine;

public sealed class DurableEngineSetupTests
{
    private const string UnusedConnectionString = "UseDevelopmentStorage=true";

    [Fact]
    public void AddDurableEngine_Worker_StartsDeferred()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddDurableEngine(new DurableEngineOptions { StorageConnectionString = UnusedConnectionString },
            _ => { });

        using var app = builder.Build();
        var hostedServices = app.Services.GetServices<IHostedService>().ToList();

        Assert.Single(hostedServices.OfType<DeferredHostedService>());
        Assert.Single(hostedServices.OfType<TaskHubInitializer>());
    }

    [Fact]
    public void AddDurableEngine_Twice_Throws()
    {
        var builder = WebApplication.CreateBuilder();
        var options = new DurableEngineOptions { StorageConnectionString = UnusedConnectionString };
        builder.AddDurableEngine(options, _ => { });

        Assert.Throws<InvalidOperationException>(() => builder.AddDurableEngine(options, _ => { }));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1draws")]
    [InlineData("draws-hub")]
    [InlineData("a234567890123456789012345678901234567890123456")]
    public void Validate_BadTaskHubName_ThrowsForField(string name)
    {
        var options = new DurableEngineOptions { StorageConnectionString = UnusedConnectionString, TaskHubName = name };

        var error = Assert.Throws<ValidationException>(options.Validate);

        Assert.Equal(nameof(DurableEngineOptions.TaskHubName), error.Field);
        Assert.Equal(name, error.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Validate_PartitionCountOutOfRange_ThrowsForField(int partitions)
    {
        var options = new DurableEngineOptions
        {
            StorageConnectionString = UnusedConnectionString,
            PartitionCount = partitions,
        };

        var error = Assert.Throws<ValidationException>(options.Validate);

        Assert.Equal(nameof(DurableEngineOptions.PartitionCount), error.Field);
    }

    [Fact]
    public void Validate_MissingConnectionString_ThrowsForField()
    {
        var options = new DurableEngineOptions { StorageConnectionString = " " };

        var error = Assert.Throws<ValidationException>(options.Validate);

        Assert.Equal(nameof(DurableEngineOptions.StorageConnectionString), error.Field);
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        var options = new DurableEngineOptions { StorageConnectionString = UnusedConnectionString };

        var error = Record.Exception(options.Validate);

        Assert.Null(error);
        Assert.Equal("InspectionDraws", options.TaskHubName);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ShutdownTimeout);
    }
}
