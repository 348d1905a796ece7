using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Serverless.Http.Registry;

/// <summary>
/// A token bucket per client address for the anonymous <c>POST /api/declarations</c>, kept in the memory of
/// one host instance.
/// </summary>
/// <remarks>
/// NOTE: each host instance counts on its own, so N scaled-out instances accept up to N times the limit.
/// </remarks>
public sealed class DeclarationRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;
    private readonly bool useForwardedFor;

    /// <summary>Creates the limiter.</summary>
    /// <param name="tokenLimit">Declarations a client may send at once.</param>
    /// <param name="replenishmentPeriod">Period after which <paramref name="tokenLimit"/> tokens are added back.</param>
    /// <param name="useForwardedFor">
    /// True to key clients by the first X-Forwarded-For address, for hosts behind a front end that sets it. The
    /// Azure Functions host forwards every request from its own address, so it needs true.
    /// </param>
    public DeclarationRateLimiter(int tokenLimit, TimeSpan replenishmentPeriod, bool useForwardedFor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tokenLimit, 1);
        this.useForwardedFor = useForwardedFor;
        limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(
            client,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = tokenLimit,
                TokensPerPeriod = tokenLimit,
                ReplenishmentPeriod = replenishmentPeriod,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        RetryAfter = replenishmentPeriod;
    }

    /// <summary>Wait sent to a rejected client in the Retry-After header.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>Takes one token for the request's client; returns false when its bucket is empty.</summary>
    public bool TryAcquire(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var lease = limiter.AttemptAcquire(ClientOf(context));
        return lease.IsAcquired;
    }

    /// <summary>Returns the key of the request's client: its address, or "unknown" when none is known.</summary>
    public string ClientOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (useForwardedFor)
        {
            var forwarded = context.Request.Headers["X-Forwarded-For"].ToString().Split(',')[0].Trim();
            if (IPEndPoint.TryParse(forwarded, out var endpoint))
            {
                return endpoint.Address.ToString();
            }
        }

        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <inheritdoc/>
    public void Dispose() => limiter.Dispose();
}
