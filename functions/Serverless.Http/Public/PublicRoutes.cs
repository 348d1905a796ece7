using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
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
    /// <summary>Name of the rate limiting policy of the public pages.</summary>
    public const string RateLimitPolicy = "public-pages";

    /// <summary>Requests a client address may send to the public pages at once, and again every <see cref="RatePeriod"/>.</summary>
    public const int RequestsPerPeriod = 120;

    /// <summary>Replenishment period of a client's public page tokens.</summary>
    public static readonly TimeSpan RatePeriod = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Adds the read models' reader, the publication chain and the per-client rate limit of the pages; the storage
    /// stores come from the host, which must call <c>UseRateLimiter</c>.
    /// </summary>
    /// <remarks>
    /// NOTE: the limit is kept in the memory of one host instance, so N instances accept up to N times the limit.
    /// </remarks>
    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PublicationChain>();
        services.TryAddSingleton(provider => new RegistryTables(provider.GetRequiredService<StorageContext>()));
        services.TryAddSingleton(provider => new TableInspectionResultStore(provider.GetRequiredService<RegistryTables>()));
        services.TryAddSingleton<IDepartmentStore>(
            provider => new TableDepartmentStore(provider.GetRequiredService<StorageContext>()));
        services.TryAddTransient<PublicationReader>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter =
                    ((int)RatePeriod.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = RequestsPerPeriod,
                    TokensPerPeriod = RequestsPerPeriod,
                    ReplenishmentPeriod = RatePeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        return services;
    }

    /// <summary>
    /// Maps the pages as HTML below <c>/public</c> (JSON with <c>format=json</c>) and the same routes as JSON
    /// below <c>/api/public</c>. Every route is a GET, needs no caller and is rate limited per client address.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        MapAll(app.MapGroup("").RequireRateLimiting(RateLimitPolicy), "/public", context => context);
        MapAll(app.MapGroup("").RequireRateLimiting(RateLimitPolicy), PublicResponses.JsonPrefix, PublicResponses.AsJson);
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
