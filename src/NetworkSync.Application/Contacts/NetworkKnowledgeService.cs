using System.Collections.Concurrent;
using NetworkSync.Application.Evaluation;
using NetworkSync.Domain.Relationships;
using NetworkSync.Learning;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Contacts;

/// <summary>
/// Backtests each mailbox's warmth model on its own history (<see cref="MailboxBacktest"/>) at most once
/// a day: several fits take seconds, so the figures are kept and refreshed by the daily model job.
/// Merge suggestions are worked out from the current scoring.
/// </summary>
public sealed class NetworkKnowledgeService(ContactScoreCache scores, ContactListingService scorer)
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, NetworkKnowledgeView> measured = new(StringComparer.Ordinal);

    // One measurement per mailbox at a time: the dashboard asks on every visit, and a backtest takes seconds
    // of CPU on a large mailbox, so callers arriving while one runs wait for it instead of starting another.
    private readonly ConcurrentDictionary<string, Lazy<Task<NetworkKnowledgeView>>> running = new(StringComparer.Ordinal);

    public async Task<NetworkKnowledgeView> GetAsync(MailboxRow mailbox, DateTimeOffset now, bool refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        if (!refresh && measured.TryGetValue(mailbox.Id, out var known) && (now - known.MeasuredAt).Duration() < RefreshAfter)
        {
            return known;
        }

        // Not cancelled with the first caller: the others waiting for it still want the figures.
        var mine = new Lazy<Task<NetworkKnowledgeView>>(() => MeasureAsync(mailbox, now));
        var shared = running.GetOrAdd(mailbox.Id, mine);
        if (ReferenceEquals(shared, mine))
        {
            _ = mine.Value.ContinueWith(_ => running.TryRemove(KeyValuePair.Create(mailbox.Id, mine)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return await shared.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<NetworkKnowledgeView> MeasureAsync(MailboxRow mailbox, DateTimeOffset now)
    {
        var cancellationToken = CancellationToken.None;
        var scored = await scores.GetSnapshotAsync(mailbox, now, cancellationToken).ConfigureAwait(false);
        var interactions = ContactListingService.InteractionsAt(scored.Activity, now).Where(i => i.At <= now).ToList();
        var options = scorer.OptionsFor(scored.Activity);
        var backtest = await Task.Run(() => MailboxBacktest.Run(interactions, scored.Activity.BulkSenders, now, options), cancellationToken).ConfigureAwait(false);
        var model = scored.Model;
        var view = new NetworkKnowledgeView(model.Source.ToString(), model.Reason, now, BacktestView.From(mailbox.Mail, backtest));
        measured[mailbox.Id] = view;
        return view;
    }

    public async Task<IReadOnlyList<MergeSuggestionView>> SuggestionsAsync(MailboxRow mailbox, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var scored = await scores.GetSnapshotAsync(mailbox, now, cancellationToken).ConfigureAwait(false);
        var options = scorer.OptionsFor(scored.Activity);
        var resolution = IdentityResolver.Resolve(ContactListingService.InteractionsAt(scored.Activity, now).Where(i => i.At <= now), options.KeptApart, options.ConfirmedMerges, options.Directory);
        var lastContact = new Dictionary<string, DateTimeOffset?>(StringComparer.OrdinalIgnoreCase);
        foreach (var contact in scored.Contacts)
        {
            lastContact.TryAdd(contact.Address, contact.LastContact);
        }

        return resolution.Suggestions.Select(s => new MergeSuggestionView(s.Address, s.OtherAddress, s.DisplayName)
        {
            Reason = MergeSuggestionView.ReasonFor(s.DisplayName),
            LastContact = lastContact.GetValueOrDefault(s.Address),
            OtherLastContact = lastContact.GetValueOrDefault(s.OtherAddress),
        }).ToList();
    }

    /// <summary>Forgets a mailbox's figures (its data was deleted).</summary>
    public void Forget(string mailboxId) => measured.TryRemove(mailboxId, out _);
}
