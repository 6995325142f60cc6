using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using NetworkSync.App.Hosting;
using NetworkSync.App.Hosting.Entra;
using NetworkSync.Application.Notifications;

namespace NetworkSync.App.Hosting.Limits;

/// <summary>
/// Rate limits on the API: one token bucket per caller (the signed-in user's object id, else the
/// connection's address), so one runaway client cannot starve the others. Over the limit: 429 Problem
/// Details with Retry-After. Pages, health and the OpenAPI document are not limited. Graph's change
/// notifications (/api/notifications) have their own, far larger bucket per address: Graph posts a burst
/// for a busy tenant from few addresses, and an answer that is not 2xx within 3 s is a failed delivery that
/// it resends and, for an endpoint that keeps failing that way, drops (change-notifications-delivery-webhooks).
/// </summary>
public static class ApiRateLimiting
{
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, ApiRateLimitOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : CallerOf(context) is var caller && caller.StartsWith(WebhookPrefix, StringComparison.Ordinal)
                        ? Bucket(caller, options.NotificationPermitsPerSecond, options.NotificationBurst)
                        : Bucket(caller, options.PermitsPerSecond, options.Burst));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    type: "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                    title: "Too many requests",
                    detail: $"Slow down: try again in {retryAfter} s.")
                    .ExecuteAsync(rejected.HttpContext).ConfigureAwait(false);
            };
        });

    private const string WebhookPrefix = "webhook:";

    private static RateLimitPartition<string> Bucket(string key, int permitsPerSecond, int burst) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = Math.Max(1, permitsPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>
    /// The bucket a request draws on. Graph's webhook posts come without sign-in, often from the same
    /// address as the user (loopback in local mode): they get buckets of their own, so a flood of them
    /// never answers the user's own calls with 429.
    /// </summary>
    public static string CallerOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments(NotificationAddress.NotificationsPath, StringComparison.OrdinalIgnoreCase))
        {
            return WebhookPrefix + context.Connection.RemoteIpAddress;
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            return CallerClaims.ObjectId(context.User) is { } objectId ? "user:" + objectId : "user:local";
        }

        return "address:" + context.Connection.RemoteIpAddress;
    }
}
