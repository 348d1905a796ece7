using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Http.Access;
using Serverless.Http.Registry;
using Serverless.Shared.Registry;

namespace Serverless.Integration.Tests.Registry;

/// <summary>The registry routes on Kestrel at a free loopback port, with <see cref="TestCallerResolver"/>.</summary>
internal sealed class RegistryApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private RegistryApp(WebApplication app, RegistryTables tables, HttpClient client)
    {
        this.app = app;
        Tables = tables;
        Client = client;
    }

    public RegistryTables Tables { get; }

    public HttpClient Client { get; }

    public static async Task<RegistryApp> StartAsync(RegistryTables tables, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(tables.Storage);
        builder.Services.AddSingleton(tables.Storage.Registry);
        builder.Services.AddSingleton(time ?? RegistrySamples.Clock);
        builder.Services.AddSingleton<ICallerResolver, TestCallerResolver>();
        builder.Services.AddRegistryManagement(behindForwardingProxy: false);
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        RegistryRoutes.Map(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RegistryApp(app, tables, new HttpClient { BaseAddress = new Uri(address) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
