using System.Net;
using Microsoft.Extensions.Logging;

namespace NetworkSync.Sync.Http;

/// <summary>
/// Replaces the SDK's RetryHandler: honours fractional Retry-After, retries 429/503/504 and
/// connections dropped mid-body (the body is buffered here, so a cut shows up as an exception
/// while retrying is still possible), with capped exponential backoff when Graph gives no hint.
/// A POST is not idempotent: it is retried only after a 429, which says the request was refused
/// unprocessed. After any other failure it may have happened, so the caller must find out (To Do
/// creates are reconciled by external id) rather than have it sent twice.
/// </summary>
public sealed partial class RetryAfterHandler(
    int maxRetries,
    TimeSpan maxDelay,
    TimeProvider time,
    ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage? response = null;
            Exception? failure = null;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (!IsRetryable(request.Method, response.StatusCode))
                {
                    await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                    return response;
                }
            }
            catch (Exception ex) when (IsTransient(ex) && request.Method != HttpMethod.Post && !cancellationToken.IsCancellationRequested)
            {
                failure = ex;
                response?.Dispose();
                response = null;
            }

            if (attempt >= maxRetries)
            {
                if (response is not null)
                {
                    return response;
                }

                throw new HttpRequestException($"Graph request failed after {attempt + 1} attempts.", failure);
            }

            var wait = (response is null ? null : RetryAfterParser.From(response, time.GetUtcNow())) ?? Backoff(attempt);
            if (wait > maxDelay)
            {
                wait = maxDelay;
            }

            LogRetry(logger, request.Method.Method, request.RequestUri?.AbsolutePath, response is null ? 0 : (int)response.StatusCode, wait.TotalSeconds, attempt + 1);
            response?.Dispose();
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsRetryable(HttpMethod method, HttpStatusCode status) =>
        method == HttpMethod.Post
            ? status is HttpStatusCode.TooManyRequests
            : status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static bool IsTransient(Exception ex) => ex is HttpRequestException or IOException or TaskCanceledException;

    // 0.5 s, 1 s, 2 s, ... plus up to 25% jitter so that parallel collections do not retry in lockstep.
    private static TimeSpan Backoff(int attempt)
    {
        var seconds = 0.5 * Math.Pow(2, Math.Min(attempt, 8));
        return TimeSpan.FromSeconds(seconds * (1 + (Random.Shared.NextDouble() * 0.25)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph {Method} {Path} answered {Status}; retry {Attempt} in {WaitSeconds:0.###} s")]
    private static partial void LogRetry(ILogger logger, string method, string? path, int status, double waitSeconds, int attempt);
}
