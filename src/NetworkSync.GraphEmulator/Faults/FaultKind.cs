namespace NetworkSync.GraphEmulator;

/// <summary>The failures the emulator can inject in place of (or around) a normal answer.</summary>
public enum FaultKind
{
    /// <summary>429 with Graph's throttling error and the rule's Retry-After.</summary>
    TooManyRequests,

    /// <summary>503 Service Unavailable.</summary>
    ServiceUnavailable,

    /// <summary>504 Gateway Timeout.</summary>
    GatewayTimeout,

    /// <summary>Headers and part of the body are sent, then the connection is aborted.</summary>
    DropConnection,

    /// <summary>200 whose body is cut in the middle; the response then completes normally.</summary>
    TruncatedJson,

    /// <summary>410 Gone, code syncStateNotFound; only applies to requests carrying a $deltatoken or $skiptoken.</summary>
    SyncStateNotFound,

    /// <summary>Waits <see cref="FaultRule.Delay"/>, then answers normally.</summary>
    Slow,

    /// <summary>
    /// Answers normally but with nextLink/deltaLink on a foreign host (https://graph.attacker.example):
    /// a client that follows it would send the mailbox's token there.
    /// </summary>
    ForeignLinks,

    /// <summary>403 ErrorAccessDenied: a non-transient error, as for a mailbox the app may not read.</summary>
    AccessDenied,

    /// <summary>
    /// 400 Bad Request, code resyncRequired: Graph's other way of saying a delta token is no longer usable
    /// (graph/errors lists the code; delta-query-overview says a 40X-series error). Only with a state token.
    /// </summary>
    ResyncRequired,

    /// <summary>400 Bad Request, code syncStateNotFound: the expired-token code without the 410 status. Only with a state token.</summary>
    SyncStateNotFound400,

    /// <summary>
    /// 404 Not Found, code MailboxNotEnabledForRESTAPI: what Graph answers for a user whose mailbox is inactive,
    /// soft-deleted or on-premises. A non-transient error, like <see cref="AccessDenied"/>.
    /// </summary>
    MailboxNotFound,
}
