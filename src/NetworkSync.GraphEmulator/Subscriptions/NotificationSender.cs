using System.Net.Http.Headers;

namespace NetworkSync.GraphEmulator.Subscriptions;

/// <summary>
/// The emulator's outgoing HTTP: validation handshakes and notification POSTs, through one HttpClient that
/// follows no redirects (Graph does not either: a 3xx is a failed delivery). Each POST has its own timeout.
/// </summary>
internal sealed class NotificationSender(HttpClient http, NotificationLog log, GraphEmulatorOptions options)
{
    private readonly EndpointSpeed _speed = new(options);

    /// <summary>
    /// Graph's validation request: POST {url}?validationToken={token} with an empty text/plain body. The
    /// endpoint passes when it answers 200 within the timeout with the decoded token as the body (one
    /// trailing newline tolerated, as some frameworks add it).
    /// </summary>
    public async Task<bool> ValidateAsync(Uri url, CancellationToken ct)
    {
        // Real tokens read like this one: spaces and a colon make sure the receiver URL-decodes the query.
        var token = $"Validation: Testing client application reachability for subscription Request-Id: {Guid.NewGuid()}";
        var target = new UriBuilder(url);
        var query = $"validationToken={Uri.EscapeDataString(token)}";
        target.Query = string.IsNullOrEmpty(target.Query) ? query : $"{target.Query.TrimStart('?')}&{query}";
        using var content = new ByteArrayContent([]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.SubscriptionValidationTimeout);
        try
        {
            using var response = await http.PostAsync(target.Uri, content, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                return false;
            }

            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            return body == token || body == token + "\n";
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// POSTs <paramref name="body"/> (JSON) to <paramref name="url"/>, retrying a non-2xx answer, a timeout or
    /// a connection failure after each of <see cref="GraphEmulatorOptions.NotificationRetryDelays"/>. Every
    /// attempt goes to the log; returns the last one. Never throws, except when <paramref name="ct"/> is cancelled.
    /// An endpoint in Graph's "slow" state gets each attempt <see cref="GraphEmulatorOptions.SlowEndpointDelay"/>
    /// late; one in the "drop" state gets nothing: the attempt is logged as dropped (see <see cref="EndpointSpeed"/>).
    /// </summary>
    public async Task<NotificationLogEntry> SendAsync(
        string subscriptionId, Uri url, NotificationKind kind, int itemCount, byte[] body, CancellationToken ct)
    {
        var delays = options.NotificationRetryDelays;
        for (var attempt = 1; ; attempt++)
        {
            var state = _speed.StateOf(url);
            if (state == EndpointState.Drop)
            {
                var dropped = new NotificationLogEntry(DateTimeOffset.UtcNow, subscriptionId, url, kind, itemCount, null, DroppedError, attempt);
                log.Add(dropped);
                return dropped;
            }

            if (state == EndpointState.Slow && options.SlowEndpointDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.SlowEndpointDelay, ct).ConfigureAwait(false);
            }

            var (status, error) = await PostOnceAsync(url, body, ct).ConfigureAwait(false);
            var entry = new NotificationLogEntry(DateTimeOffset.UtcNow, subscriptionId, url, kind, itemCount, status, error, attempt);
            log.Add(entry);
            if (entry.Succeeded || attempt > delays.Count)
            {
                return entry;
            }

            await Task.Delay(delays[attempt - 1], ct).ConfigureAwait(false);
        }
    }

    /// <summary>The log's error for a notification Graph would drop because the endpoint stayed slow.</summary>
    public const string DroppedError = "Dropped: the endpoint is in Graph's drop state (too many answers slower than the slow-answer threshold).";

    private async Task<(int? Status, string? Error)> PostOnceAsync(Uri url, byte[] body, CancellationToken ct)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.NotificationTimeout);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            using var response = await http.PostAsync(url, content, timeout.Token).ConfigureAwait(false);
            _speed.Record(url, clock.Elapsed);
            return ((int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            _speed.Record(url, elapsed: null);
            return (null, $"No answer within {options.NotificationTimeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.Message);
        }
    }
}
