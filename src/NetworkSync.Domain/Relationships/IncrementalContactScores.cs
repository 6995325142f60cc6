using System.Runtime.InteropServices;
using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Domain.Relationships;

/// <summary>
/// A mailbox's scored contacts kept up to date page by page: a synced page's messages and meetings
/// replace the old ones in memory, and only the people whose interactions changed are summarised
/// again, with the same warmth model, rules and evaluation time as the whole-mailbox summary they
/// started from, so the result is exactly what <see cref="ContactAggregator.Summarize"/> gives for the
/// mailbox as it now stands.
/// <para>
/// Why per person is exact: the fitted model's weights are fixed between fits, and every feature is
/// one person's own (decayed counts, recency, rhythm, threads and co-recipient ties are sums over that
/// person's interactions, nothing is normalised over the mailbox); the bulk-sender rule looks at the
/// person's own sender address. What links people is identity resolution, so <see cref="Apply"/>
/// refuses (the caller recomputes the whole mailbox) whenever a page could merge or split someone: an
/// address touched by the page is merged with another, is in a pair the user confirmed, or now shares
/// its full name with another address. An instance is single-threaded and is spent once
/// <see cref="Apply"/> has refused.
/// </para>
/// </summary>
public sealed class IncrementalContactScores
{
    private readonly MailboxIdentity owner;
    private readonly RelationshipOptions options;
    private readonly List<MessageMetadata> messages;
    private readonly Dictionary<string, int> messageAt = new(StringComparer.Ordinal);
    private readonly List<EventMetadata> events;
    private readonly Dictionary<string, int> eventAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Interaction>> byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> bulkMessagesFrom = new(StringComparer.Ordinal);
    private readonly HashSet<string> bulkSenders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> nameKeyOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> addressesNamed = new(StringComparer.Ordinal);
    private readonly HashSet<string> merged = new(StringComparer.Ordinal);
    private readonly HashSet<string> confirmed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContactSummary> people = new(StringComparer.Ordinal);
    private readonly List<Interaction> scratch = [];
    private bool spent;

    /// <summary>
    /// Starts from a whole-mailbox summary: <paramref name="contacts"/> must be what
    /// <see cref="ContactAggregator.Summarize"/> gave for these messages and events at <paramref name="asOf"/>
    /// with <paramref name="options"/> and <paramref name="model"/> (who is merged with whom is read from it).
    /// </summary>
    public IncrementalContactScores(
        MailboxIdentity owner,
        IEnumerable<MessageMetadata> messages,
        IEnumerable<EventMetadata> events,
        DateTimeOffset asOf,
        RelationshipOptions options,
        WarmthModel model,
        IEnumerable<ContactSummary> contacts)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(contacts);
        this.owner = owner;
        this.options = options;
        AsOf = asOf;
        Model = model;
        this.messages = messages.ToList();
        this.events = events.ToList();
        for (var i = 0; i < this.messages.Count; i++)
        {
            var message = this.messages[i];
            messageAt[message.Id] = i;
            Extract(message, scratch);
            AddInteractions(scratch);
            CountBulk(message, +1);
        }

        for (var i = 0; i < this.events.Count; i++)
        {
            eventAt[this.events[i].Id] = i;
            Extract(this.events[i], scratch);
            AddInteractions(scratch);
        }

        foreach (var (address, interactions) in byAddress)
        {
            var key = NameKey(address, interactions);
            nameKeyOf[address] = key;
            if (key is not null)
            {
                addressesNamed[key] = addressesNamed.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var contact in contacts)
        {
            people[contact.Address] = contact;
            if (contact.OtherAddresses.Count > 0)
            {
                merged.Add(contact.Address);
                merged.UnionWith(contact.OtherAddresses);
            }
        }

        foreach (var (x, y) in options.ConfirmedMerges ?? new HashSet<(string, string)>())
        {
            confirmed.Add(x);
            confirmed.Add(y);
        }

        // The directory joins a person's addresses whatever their names: any of them may merge once seen.
        foreach (var person in (options.Directory ?? new Dictionary<string, DirectoryPerson>()).GroupBy(entry => entry.Value.Id).Where(p => p.Count() > 1))
        {
            confirmed.UnionWith(person.Select(entry => entry.Key));
        }

        Contacts = Ordered();
    }

    /// <summary>The evaluation time every score is computed at.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The warmth model every score is computed with.</summary>
    public WarmthModel Model { get; }

    /// <summary>How many interactions the mailbox's messages and meetings give (what decides whether the model still fits).</summary>
    public int InteractionCount { get; private set; }

    /// <summary>Every person, warmest first (ties by address), as <see cref="ContactAggregator"/> orders them.</summary>
    public IReadOnlyList<ContactSummary> Contacts { get; private set; }

    /// <summary>The messages as they now stand (a new list after each page: lists handed out never change).</summary>
    public IReadOnlyList<MessageMetadata> Messages => messages.ToList();

    /// <summary>The meetings as they now stand (a new list after each page).</summary>
    public IReadOnlyList<EventMetadata> Events => events.ToList();

    /// <summary>The senders of bulk mail as they now stand (a new set after each page).</summary>
    public IReadOnlySet<string> BulkSenders => new HashSet<string>(bulkSenders, StringComparer.Ordinal);

    /// <summary>The people whose summaries the last successful <see cref="Apply"/> recomputed (or removed).</summary>
    public IReadOnlyCollection<string> LastTouched { get; private set; } = [];

    /// <summary>
    /// Applies one or more synced pages: <paramref name="upsertedMessages"/> and <paramref name="upsertedEvents"/>
    /// are the rows as now stored (new or replacing the row with the same id), the removed ids are rows
    /// no longer stored. Returns false, leaving this instance spent, when the change cannot be applied
    /// exactly (identity could change); the caller then summarises the whole mailbox.
    /// </summary>
    public bool Apply(
        IReadOnlyList<MessageMetadata> upsertedMessages,
        IReadOnlyCollection<string> removedMessageIds,
        IReadOnlyList<EventMetadata> upsertedEvents,
        IReadOnlyCollection<string> removedEventIds)
    {
        ArgumentNullException.ThrowIfNull(upsertedMessages);
        ArgumentNullException.ThrowIfNull(removedMessageIds);
        ArgumentNullException.ThrowIfNull(upsertedEvents);
        ArgumentNullException.ThrowIfNull(removedEventIds);
        if (spent)
        {
            return false;
        }

        // Spent until the end: an exception half way leaves this instance unusable, never wrong.
        spent = true;
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in removedMessageIds)
        {
            RemoveMessage(id, touched);
        }

        // A row replaces the one stored under its id (the last of the same id wins).
        foreach (var message in upsertedMessages)
        {
            RemoveMessage(message.Id, touched);
            AddMessage(message, touched);
        }

        foreach (var id in removedEventIds)
        {
            RemoveEvent(id, touched);
        }

        foreach (var meeting in upsertedEvents)
        {
            RemoveEvent(meeting.Id, touched);
            AddEvent(meeting, touched);
        }

        if (!IdentityUnchanged(touched))
        {
            return false;
        }

        var bulk = (IReadOnlySet<string>)bulkSenders;
        foreach (var address in touched)
        {
            people.Remove(address);
            if (byAddress.TryGetValue(address, out var interactions) && interactions.Exists(i => i.At <= AsOf))
            {
                people[address] = ContactAggregator.SummarizePerson(address, [], [], interactions, bulk, AsOf, options, Model);
            }
        }

        LastTouched = touched;
        Contacts = Ordered();
        spent = false;
        return true;
    }

    // Names are re-keyed for the touched addresses before any check, so that two touched addresses
    // that come to share a name see each other.
    private bool IdentityUnchanged(HashSet<string> touched)
    {
        foreach (var address in touched)
        {
            // Merged people, and addresses in a pair the user confirmed, are resolved together with
            // others: a page that touches one of them may merge, split or re-key a person.
            if (merged.Contains(address) || confirmed.Contains(address))
            {
                return false;
            }

            var before = nameKeyOf.GetValueOrDefault(address);
            var after = byAddress.TryGetValue(address, out var interactions) ? NameKey(address, interactions) : null;
            if (before == after)
            {
                continue;
            }

            if (before is not null)
            {
                addressesNamed[before]--;
            }

            if (after is not null)
            {
                addressesNamed[after] = addressesNamed.GetValueOrDefault(after) + 1;
            }

            nameKeyOf[address] = after;
        }

        // An address with a namesake may now have the evidence (or lost it) to be merged: the whole
        // mailbox's identity resolution decides. A name no other address has cannot merge anyone.
        foreach (var address in touched)
        {
            if (nameKeyOf.GetValueOrDefault(address) is { } key && addressesNamed[key] > 1)
            {
                return false;
            }
        }

        return true;
    }

    // The key identity resolution groups an address by: none for robot addresses, which are never
    // merged, and only from what happened by the evaluation time.
    private string? NameKey(string address, List<Interaction> interactions) =>
        AutomatedSenderClassifier.LooksAutomated(address) ? null : IdentityResolver.NameKeyOf(interactions.Where(i => i.At <= AsOf));

    private void RemoveMessage(string id, HashSet<string> touched)
    {
        if (!messageAt.Remove(id, out var position))
        {
            return;
        }

        var old = messages[position];
        var last = messages.Count - 1;
        if (position != last)
        {
            messages[position] = messages[last];
            messageAt[messages[position].Id] = position;
        }

        messages.RemoveAt(last);
        CountBulk(old, -1);
        Touch(old.From, touched);
        Extract(old, scratch);
        RemoveInteractions(scratch, id, meetings: false, touched);
    }

    private void AddMessage(MessageMetadata message, HashSet<string> touched)
    {
        messageAt[message.Id] = messages.Count;
        messages.Add(message);
        CountBulk(message, +1);
        Touch(message.From, touched);
        Extract(message, scratch);
        AddInteractions(scratch, touched);
    }

    private void RemoveEvent(string id, HashSet<string> touched)
    {
        if (!eventAt.Remove(id, out var position))
        {
            return;
        }

        var old = events[position];
        var last = events.Count - 1;
        if (position != last)
        {
            events[position] = events[last];
            eventAt[events[position].Id] = position;
        }

        events.RemoveAt(last);
        Extract(old, scratch);
        RemoveInteractions(scratch, id, meetings: true, touched);
    }

    private void AddEvent(EventMetadata meeting, HashSet<string> touched)
    {
        eventAt[meeting.Id] = events.Count;
        events.Add(meeting);
        Extract(meeting, scratch);
        AddInteractions(scratch, touched);
    }

    // A sender's bulk verdict is one of their own signals: whoever sent the message is rescored, even
    // when it gave no interaction (a draft still counts towards it, as it does for the whole mailbox).
    private void Touch(Participant? from, HashSet<string> touched)
    {
        if (from is not null && !owner.IsOwn(from.Address))
        {
            touched.Add(from.Address);
        }
    }

    private void CountBulk(MessageMetadata message, int change)
    {
        if (message.From is not { } from || !BulkSenderDetector.IsBulk(message))
        {
            return;
        }

        var count = bulkMessagesFrom.GetValueOrDefault(from.Address) + change;
        if (count > 0)
        {
            bulkMessagesFrom[from.Address] = count;
            bulkSenders.Add(from.Address);
        }
        else
        {
            bulkMessagesFrom.Remove(from.Address);
            bulkSenders.Remove(from.Address);
        }
    }

    // The same interactions as the whole mailbox's (ContactListingService.InteractionsAt): the owner's
    // own contact, then the co-recipients beside the owner; meetings once they have ended.
    private void Extract(MessageMetadata message, List<Interaction> sink)
    {
        sink.Clear();
        InteractionExtractor.FromMessage(message, owner, sink);
        InteractionExtractor.CoRecipientsOf(message, owner, sink);
    }

    private void Extract(EventMetadata meeting, List<Interaction> sink)
    {
        sink.Clear();
        InteractionExtractor.FromEvent(meeting, owner, AsOf, sink);
    }

    private void AddInteractions(List<Interaction> interactions, HashSet<string>? touched = null)
    {
        foreach (var interaction in interactions)
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(byAddress, interaction.ContactAddress, out _);
            list ??= [];
            list.Add(interaction);
            touched?.Add(interaction.ContactAddress);
        }

        InteractionCount += interactions.Count;
    }

    // A message's interactions are found by its id (a meeting's by its id among meetings: the two kinds
    // of id are not guaranteed apart); one message may give one address two (named in To and in Cc).
    private void RemoveInteractions(List<Interaction> interactions, string id, bool meetings, HashSet<string> touched)
    {
        foreach (var address in interactions.Select(i => i.ContactAddress).Distinct(StringComparer.Ordinal))
        {
            touched.Add(address);
            if (byAddress.TryGetValue(address, out var list))
            {
                list.RemoveAll(i => string.Equals(i.SourceId, id, StringComparison.Ordinal) && (i.Direction == InteractionDirection.Meeting) == meetings);
                if (list.Count == 0)
                {
                    byAddress.Remove(address);
                }
            }
        }

        InteractionCount -= interactions.Count;
    }

    private List<ContactSummary> Ordered()
    {
        var result = new List<ContactSummary>(people.Values);
        result.Sort(static (x, y) =>
        {
            var byWarmth = y.Warmth.CompareTo(x.Warmth);
            return byWarmth != 0 ? byWarmth : string.CompareOrdinal(x.Address, y.Address);
        });
        return result;
    }
}
