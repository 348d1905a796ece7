using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Publication;
using Serverless.Shared.Registry;
using Serverless.Shared.Storage;

// CA1716 guards Visual Basic callers, for whom Public is a keyword; only C# hosts reference this library.
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming",
    "CA1716:Identifiers should not match keywords",
    Scope = "namespace",
    Target = "~N:Serverless.Http.Public",
    Justification = "Only the C# hosts reference this library.")]

namespace Serverless.Http.Public;

/// <summary>Registers the public pages' services and maps their routes for the self-host.</summary>
public static class PublicRoutes
{
    /// <summary>Adds the read models' reader and the publication chain; the storage stores come from the host.</summary>
    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PublicationChain>();
        services.TryAddSingleton(provider => new RegistryTables(provider.GetRequiredService<StorageContext>()));
        services.TryAddSingleton(provider => new TableInspectionResultStore(provider.GetRequiredService<RegistryTables>()));
        services.TryAddSingleton<IDepartmentStore>(
            provider => new TableDepartmentStore(provider.GetRequiredService<StorageContext>()));
        services.TryAddTransient<PublicationReader>();
        return services;
    }

    /// <summary>
    /// Maps the pages as HTML below <c>/public</c> (JSON with <c>format=json</c>) and the same routes as JSON
    /// below <c>/api/public</c>. Every route is a GET and needs no caller.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        MapAll(app, "/public", context => context);
        MapAll(app, PublicResponses.JsonPrefix, PublicResponses.AsJson);
    }

    private static void MapAll(IEndpointRouteBuilder app, string prefix, Func<HttpContext, HttpContext> mark)
    {
        app.MapGet(prefix + "/items", (HttpContext c) => PublicHandlers.ItemsAsync(mark(c)));
        app.MapGet(prefix + "/draws", (HttpContext c) => PublicHandlers.DrawsAsync(mark(c)));
        app.MapGet(prefix + "/draws/{drawId}", (HttpContext c, string drawId) => PublicHandlers.DrawAsync(mark(c), drawId));
        app.MapGet(
            prefix + "/draws/{drawId}/{office}",
            (HttpContext c, string drawId, string office) => PublicHandlers.OfficeDrawAsync(mark(c), drawId, office));
        app.MapGet(prefix + "/commitments", (HttpContext c) => PublicHandlers.CommitmentsAsync(mark(c)));
        app.MapGet(prefix + "/verify/{drawId}", (HttpContext c, string drawId) => PublicHandlers.VerifyAsync(mark(c), drawId));
        app.MapGet(prefix + "/chain/{office}", (HttpContext c, string office) => PublicHandlers.ChainAsync(mark(c), office));
        app.MapGet(prefix + "/files/{**path}", (HttpContext c, string path) => PublicHandlers.FileAsync(c, path));
    }
}
