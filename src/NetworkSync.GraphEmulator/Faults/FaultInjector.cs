using Microsoft.AspNetCore.Http;

namespace NetworkSync.GraphEmulator;

/// <summary>
/// Decides, request by request, whether a fault replaces the normal answer. Rules are checked in
/// the order they were added; the first one that fires wins. Everything is counted under one lock
/// so that the same sequence of requests always yields the same sequence of faults.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<RuleState> _rules = [];
    private readonly Func<string, string?> _resolveMailbox;
    private RandomFaults? _random;

    internal FaultInjector(Func<string, string?> resolveMailbox) => _resolveMailbox = resolveMailbox;

    /// <summary>Retry-After used by faults drawn by <see cref="UseRandom"/>.</summary>
    public string RandomRetryAfter { get; set; } = "1";

    /// <summary>Delay used by Slow faults drawn by <see cref="UseRandom"/>.</summary>
    public TimeSpan RandomSlowDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Share (0..1) of the random faults drawn for writes that are applied after the write is performed
    /// (see <see cref="FaultRule.AfterCommit"/>). 0, the default, keeps every random fault before any work.
    /// </summary>
    public double RandomAfterCommitShare { get; set; }

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var mailboxId = rule.Mailbox is null ? null : _resolveMailbox(rule.Mailbox) ?? rule.Mailbox;
        lock (_gate)
        {
            _rules.Add(new RuleState(rule, mailboxId));
        }
    }

    /// <summary>Removes every rule and stops random faults.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _random = null;
        }
    }

    /// <summary>
    /// From now on each Graph request (not the token, OpenID metadata or keys endpoints) gets, with the given probability, a
    /// fault drawn from <paramref name="kinds"/>. Seeded: the same seed and request sequence give the same faults.
    /// </summary>
    public void UseRandom(int seed, double probability, params FaultKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        if (kinds.Length == 0)
        {
            throw new ArgumentException("At least one fault kind is needed.", nameof(kinds));
        }

        lock (_gate)
        {
#pragma warning disable CA5394 // Deterministic test faults, not security.
            _random = new RandomFaults(new Random(seed), probability, [.. kinds]);
#pragma warning restore CA5394
        }
    }

    internal FaultRule? Next(EndpointKind endpoint, string? mailboxId, bool hasStateToken, string method)
    {
        var isWrite = IsWrite(method);
        lock (_gate)
        {
            foreach (var state in _rules)
            {
                if (!state.Matches(endpoint, mailboxId, hasStateToken, method, isWrite))
                {
                    continue;
                }

                state.Seen++;
                if (state.Seen <= state.Rule.SkipFirst || state.Fired >= state.Rule.Times)
                {
                    continue;
                }

                state.Fired++;
                return state.Rule;
            }

            return _random is null || IsOutsideGraph(endpoint)
                ? null
                : _random.Draw(hasStateToken, isWrite, RandomRetryAfter, RandomSlowDelay, RandomAfterCommitShare);
        }
    }

    /// <summary>
    /// The identity platform's endpoints (token, OpenID metadata, keys) and /_emulator: only a rule naming the
    /// endpoint hits them, and random faults never do.
    /// </summary>
    internal static bool IsOutsideGraph(EndpointKind endpoint) =>
        endpoint is EndpointKind.Token or EndpointKind.Admin or EndpointKind.OpenIdConfiguration or EndpointKind.SigningKeys;

    /// <summary>The expired-state faults: an answer about a delta token makes sense only to a request that carries one.</summary>
    internal static bool NeedsStateToken(FaultKind kind) =>
        kind is FaultKind.SyncStateNotFound or FaultKind.ResyncRequired or FaultKind.SyncStateNotFound400;

    /// <summary>Whether a request with this method changes data, so a fault can come before or after the change.</summary>
    internal static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPatch(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method);

    private sealed class RuleState(FaultRule rule, string? mailboxId)
    {
        public FaultRule Rule { get; } = rule;

        public int Seen { get; set; }

        public int Fired { get; set; }

        public bool Matches(EndpointKind endpoint, string? mailbox, bool hasStateToken, string method, bool isWrite)
        {
            if (Rule.Endpoint is { } wanted ? wanted != endpoint : IsOutsideGraph(endpoint))
            {
                return false;
            }

            if (Rule.Method is not null && !string.Equals(Rule.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            // "After the write" means nothing for a read; such a rule waits for the write it is meant for.
            if (Rule.AfterCommit && !isWrite)
            {
                return false;
            }

            if (mailboxId is not null && !string.Equals(mailboxId, mailbox, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            // A 410 for a request without state would make no sense to a client: Graph only expires tokens.
            var needsToken = Rule.OnlyWithDeltaToken || NeedsStateToken(Rule.Kind);
            return !needsToken || hasStateToken;
        }
    }

    private sealed class RandomFaults(Random random, double probability, FaultKind[] kinds)
    {
        public FaultRule? Draw(bool hasStateToken, bool isWrite, string retryAfter, TimeSpan slowDelay, double afterCommitShare)
        {
            // Always draw both numbers so the sequence does not depend on which kind was picked. The third
            // (after commit or not) is drawn only when asked for, so seeds keep giving the sequences they gave.
#pragma warning disable CA5394 // Deterministic test faults, not security.
            var roll = random.NextDouble();
            var kind = kinds[random.Next(kinds.Length)];
            var afterCommit = isWrite && afterCommitShare > 0 && random.NextDouble() < afterCommitShare;
#pragma warning restore CA5394
            if (roll >= probability || (NeedsStateToken(kind) && !hasStateToken))
            {
                return null;
            }

            return new FaultRule { Kind = kind, RetryAfter = retryAfter, Delay = slowDelay, AfterCommit = afterCommit };
        }
    }
}
