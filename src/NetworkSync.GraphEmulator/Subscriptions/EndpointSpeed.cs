namespace NetworkSync.GraphEmulator.Subscriptions;

/// <summary>How Graph treats a notification endpoint, judged by how fast it has been answering.</summary>
internal enum EndpointState
{
    /// <summary>Notifications go out at once.</summary>
    Normal,

    /// <summary>Too many slow answers: each notification waits <see cref="GraphEmulatorOptions.SlowEndpointDelay"/> first.</summary>
    Slow,

    /// <summary>Even more slow answers: notifications are dropped (and cannot be recovered).</summary>
    Drop,
}

/// <summary>
/// Graph's rule for slow webhook endpoints (change-notifications-delivery-webhooks): an answer that takes longer
/// than 2.9 s (<see cref="GraphEmulatorOptions.SlowAnswerThreshold"/>), or none at all, counts as slow; with more
/// than 10% slow answers in the last 10 minutes (<see cref="GraphEmulatorOptions.SlowEndpointWindow"/>) the endpoint
/// is "slow" and its notifications are delayed, with more than 15% it is "drop" and they are dropped. The share is
/// judged once the window holds <see cref="GraphEmulatorOptions.SlowEndpointMinimumAnswers"/> answers (the
/// emulator's choice: Graph publishes none, and one stray pause should not silence a test).
/// Kept per notification URL, on the system clock like the notification log.
/// </summary>
internal sealed class EndpointSpeed(GraphEmulatorOptions options)
{
    private const double SlowShare = 0.10;
    private const double DropShare = 0.15;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<(DateTimeOffset At, bool Slow)>> _answers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records how long one POST to <paramref name="url"/> took; <paramref name="elapsed"/> null means no answer in time.</summary>
    public void Record(Uri url, TimeSpan? elapsed)
    {
        var slow = elapsed is not { } taken || taken > options.SlowAnswerThreshold;
        lock (_gate)
        {
            var key = Key(url);
            if (!_answers.TryGetValue(key, out var answers))
            {
                answers = new Queue<(DateTimeOffset, bool)>();
                _answers[key] = answers;
            }

            answers.Enqueue((DateTimeOffset.UtcNow, slow));
            Trim(answers);
        }
    }

    public EndpointState StateOf(Uri url)
    {
        lock (_gate)
        {
            if (!_answers.TryGetValue(Key(url), out var answers))
            {
                return EndpointState.Normal;
            }

            Trim(answers);
            if (answers.Count == 0 || answers.Count < options.SlowEndpointMinimumAnswers)
            {
                return EndpointState.Normal;
            }

            var share = (double)answers.Count(a => a.Slow) / answers.Count;
            return share > DropShare ? EndpointState.Drop : share > SlowShare ? EndpointState.Slow : EndpointState.Normal;
        }
    }

    private void Trim(Queue<(DateTimeOffset At, bool Slow)> answers)
    {
        var since = DateTimeOffset.UtcNow - options.SlowEndpointWindow;
        while (answers.Count > 0 && answers.Peek().At < since)
        {
            answers.Dequeue();
        }
    }

    private static string Key(Uri url) => url.GetLeftPart(UriPartial.Path);
}
