namespace NetworkSync.GraphEmulator;

/// <summary>
/// One deterministic fault: which requests it matches (the filters), how many matching requests
/// it lets through first (<see cref="SkipFirst"/>) and how many it then hits (<see cref="Times"/>).
/// </summary>
public sealed record FaultRule
{
    public FaultKind Kind { get; init; }

    /// <summary>Sent verbatim as the Retry-After header (e.g. "3" or "2.128"); null sends none.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>How long a <see cref="FaultKind.Slow"/> fault waits before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Only requests for this mailbox (id, userPrincipalName or mail); null = any.</summary>
    public string? Mailbox { get; init; }

    /// <summary>Only requests to this endpoint; null = any Graph endpoint (never the token, OpenID metadata or keys endpoints unless named).</summary>
    public EndpointKind? Endpoint { get; init; }

    /// <summary>Only requests with this HTTP method (e.g. "POST"), compared case-insensitively; null = any.</summary>
    public string? Method { get; init; }

    /// <summary>Only requests carrying a $deltatoken or $skiptoken.</summary>
    public bool OnlyWithDeltaToken { get; init; }

    /// <summary>Number of matching requests let through before the fault starts.</summary>
    public int SkipFirst { get; init; }

    /// <summary>Number of matching requests that get the fault.</summary>
    public int Times { get; init; } = 1;

    /// <summary>
    /// Performs the write first and only then applies the fault, so the client sees a failure (a reset
    /// connection, cut JSON, or a 429/503/504/403 in place of the real answer) for a write that did happen:
    /// the case a client that retries writes must survive without creating duplicates. A rule with this set
    /// only matches writes (POST, PATCH, PUT, DELETE); without it every fault comes before any work.
    /// </summary>
    public bool AfterCommit { get; init; }
}
