using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NetworkSync.App.Hosting.Limits;

/// <summary>
/// The limits on a request's line and headers, enforced by the service itself so that an oversized
/// request gets a 414 or 431 Problem Details with the security headers. Kestrel answers its own limit
/// breaches (and malformed requests) before any middleware runs, with an empty body that no hook can
/// change (aspnet/KestrelHttpServer#2947), so Kestrel's limits are raised to a backstop four times
/// larger and only what lies beyond it still gets Kestrel's bare answer.
/// </summary>
public static class RequestHeadLimits
{
    /// <summary>The longest request target (path and query) served: Kestrel's own default line limit.</summary>
    public const int MaxRequestTarget = 8 * 1024;

    /// <summary>The most header bytes (names and values) served: Kestrel's own default.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>The most header fields served: Kestrel's own default.</summary>
    public const int MaxHeaderCount = 100;

    private const int Backstop = 4;

    public static void RaiseKestrelLimitsToBackstop(KestrelServerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.MaxRequestLineSize = MaxRequestTarget * Backstop;
        limits.MaxRequestHeadersTotalSize = MaxHeaderBytes * Backstop;
        limits.MaxRequestHeaderCount = MaxHeaderCount * Backstop;
    }

    public static IApplicationBuilder UseRequestHeadLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (Breach(context) is { } problem)
            {
                await problem.ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });

    private static IResult? Breach(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        if (target.Length > MaxRequestTarget)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status414UriTooLong,
                type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.15",
                title: "Request URI too long",
                detail: $"The path and query may be at most {MaxRequestTarget} characters.");
        }

        var headers = context.Request.Headers;
        long bytes = 0;
        foreach (var (name, values) in headers)
        {
            bytes += name.Length;
            foreach (var value in values)
            {
                bytes += value?.Length ?? 0;
            }
        }

        return headers.Count > MaxHeaderCount || bytes > MaxHeaderBytes
            ? Results.Problem(
                statusCode: StatusCodes.Status431RequestHeaderFieldsTooLarge,
                type: "https://www.rfc-editor.org/rfc/rfc6585#section-5",
                title: "Request headers too large",
                detail: $"A request may carry at most {MaxHeaderCount} headers and {MaxHeaderBytes} bytes of them.")
            : null;
    }
}
