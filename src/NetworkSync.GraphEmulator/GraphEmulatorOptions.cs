using Microsoft.Extensions.Logging;

namespace NetworkSync.GraphEmulator;

/// <summary>How a <see cref="GraphEmulator"/> is started.</summary>
public sealed record GraphEmulatorOptions
{
    /// <summary>Fixture folder (see the graph-fixture contract); null starts an empty tenant.</summary>
    public string? FixturePath { get; init; }

    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Page size when the client sends no <c>Prefer: odata.maxpagesize</c> (Graph uses 10 for messages).</summary>
    public int DefaultPageSize { get; init; } = 10;

    /// <summary>Upper bound applied to <c>Prefer: odata.maxpagesize</c>.</summary>
    public int MaxPageSize { get; init; } = 1000;

    public string TenantId { get; init; } = "emulator-tenant";

    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Outlook allows 4 concurrent requests per mailbox; the 5th gets 429 MailboxConcurrency.</summary>
    public int MailboxConcurrencyLimit { get; init; } = 4;

    /// <summary>Retry-After sent with a MailboxConcurrency 429.</summary>
    public string MailboxConcurrencyRetryAfter { get; init; } = "1";

    /// <summary>
    /// The clock for To Do timestamps (createdDateTime, lastModifiedDateTime, completedDateTime), for the
    /// default iat/nbf/exp of <see cref="GraphEmulator.ApiTokens"/> and for subscription expirations (the
    /// lifetime limit, and when a subscription stops getting notifications); a test can pass a fake one.
    /// Graph's opaque tokens, the request log and the notification log keep using the system clock.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Whether the API token JWKS publishes a second key after the signing key, as after a key rollover
    /// (tokens signed with <see cref="ApiTokenSigning.RotatedKey"/> then validate). Default true.
    /// </summary>
    public bool PublishRotatedApiSigningKey { get; init; } = true;

    /// <summary>
    /// The longest subscription a create or renewal may ask for. Default 4230 minutes, the strictest value
    /// Microsoft has documented for Outlook messages, events and contacts ("under three days"; real Graph
    /// answers a longer request with 400 "Subscription expiration can only be 4230 minutes in the future.").
    /// Newer pages give 10080 minutes (7 days); pass that to model them.
    /// </summary>
    public TimeSpan MaxSubscriptionLifetime { get; init; } = TimeSpan.FromMinutes(4230);

    /// <summary>How long a subscription's notification (and lifecycle) endpoint has to answer the validation request (Graph: 10 s).</summary>
    public TimeSpan SubscriptionValidationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a notification POST may take before it counts as failed and is retried: 3 s, as Graph resends
    /// a notification not answered with 2xx within 3 seconds (change-notifications-delivery-webhooks).
    /// </summary>
    public TimeSpan NotificationTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>An answer slower than this (2.9 s, Graph's figure) counts against the endpoint; see <see cref="SlowEndpointWindow"/>.</summary>
    public TimeSpan SlowAnswerThreshold { get; init; } = TimeSpan.FromSeconds(2.9);

    /// <summary>
    /// The window over which slow answers are counted (Graph: 10 minutes). More than 10% slow answers (or
    /// timeouts) make the endpoint "slow": each notification waits <see cref="SlowEndpointDelay"/>; more than 15%
    /// make it "drop": notifications are dropped until the window holds fewer slow answers.
    /// </summary>
    public TimeSpan SlowEndpointWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How late a "slow" endpoint's notifications go out (Graph: 10 s).</summary>
    public TimeSpan SlowEndpointDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Answers the window must hold before the endpoint is judged (the emulator's choice; default 10).</summary>
    public int SlowEndpointMinimumAnswers { get; init; } = 10;

    /// <summary>
    /// The waits before each retry of a failed notification POST (non-2xx, timeout, connection error); its
    /// length is the number of retries. Tests pass short ones.
    /// </summary>
    public IReadOnlyList<TimeSpan> NotificationRetryDelays { get; init; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    /// <summary>
    /// How long the dispatcher collects changes after the first one before POSTing, so changes made
    /// together reach a subscriber in one POST (at most 100 notifications each), as Graph batches them.
    /// </summary>
    public TimeSpan NotificationBatchWindow { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The application permissions (app roles) every app-only token carries. null, the default, grants
    /// everything, as before. A list makes the emulator enforce them: a request whose endpoint needs a role the
    /// token lacks gets 403 ErrorAccessDenied (see "Permissions" in docs/graph-emulator.md), e.g.
    /// ["Mail.ReadBasic.All", "Calendars.ReadBasic.All", "User.ReadBasic.All"] syncs mail and calendar but
    /// cannot subscribe to events, which need Calendars.Read. Delegated tokens are not checked.
    /// </summary>
    public IReadOnlyList<string>? ApplicationPermissions { get; init; }

    /// <summary>
    /// Partial updates: in a deltaLink round, a message or event updated since the token (and updated once, so
    /// its earlier state is known) comes as its id, @odata.type, @odata.etag and only the properties that
    /// changed, as "updated instances are represented by their id with at least the properties that have
    /// been updated" (delta-query-overview) allows. Off by default: whole items.
    /// </summary>
    public bool PartialUpdates { get; init; }

    /// <summary>
    /// Replays: every message and calendarView delta page is served twice (the first answer's nextLink leads
    /// to the same page again), because "your application must be prepared for replays" (delta-query-overview).
    /// </summary>
    public bool ReplayDeltaPages { get; init; }

    /// <summary>
    /// The client secret the token endpoint demands (client_credentials and password grants alike), compared
    /// in constant time; null = any non-empty secret, as the tests use it. Demo mode sets a random one per
    /// run, so no other local process can get a token for the demo mailbox.
    /// </summary>
    public string? ClientSecret { get; init; }

    /// <summary>
    /// Whether reading a subscription (GET, list, PATCH) echoes its clientState, as Graph does. Demo mode
    /// turns it off: only the creator, in the create answer, ever sees it.
    /// </summary>
    public bool EchoClientStateOnRead { get; init; } = true;

    /// <summary>null = no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
