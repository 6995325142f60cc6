using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using NetworkSync.App.Hosting.Entra;

namespace NetworkSync.App.Hosting.Limits;

/// <summary>
/// Rate limits on the API: one token bucket per caller (the signed-in user's object id, else the
/// connection's address), so one runaway client cannot starve the others. Over the limit: 429 Problem
/// Details with Retry-After. Pages, health and the OpenAPI document are not limited.
/// </summary>
public static class ApiRateLimiting
{
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, ApiRateLimitOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetTokenBucketLimiter(CallerOf(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = Math.Max(1, options.Burst),
                        TokensPerPeriod = Math.Max(1, options.PermitsPerSecond),
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: $"Slow down: try again in {retryAfter} s.")
                    .ExecuteAsync(rejected.HttpContext).ConfigureAwait(false);
            };
        });

    private static string CallerOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && CallerClaims.ObjectId(context.User) is { } objectId
            ? "user:" + objectId
            : "address:" + context.Connection.RemoteIpAddress;
}
