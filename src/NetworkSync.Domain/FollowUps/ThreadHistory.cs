using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Domain.FollowUps;

/// <summary>
/// For a few people, what the mail says about how the user knows them: the latest subject they were
/// both on, and who introduced them (the sender of the first message that put them together, when that
/// was neither the user nor the person). One pass over the mailbox's messages.
/// </summary>
public sealed class ThreadHistory
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public ThreadHistory(IEnumerable<MessageMetadata> messages, MailboxIdentity owner, IReadOnlyCollection<string> people, DateTimeOffset asOf)
    {
        if (people.Count == 0)
        {
            return;
        }

        var wanted = new HashSet<string>(people, StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (message.IsDraft || message.SentAt > asOf)
            {
                continue;
            }

            foreach (var address in AddressesOn(message))
            {
                if (!wanted.Contains(address))
                {
                    continue;
                }

                if (!entries.TryGetValue(address, out var entry))
                {
                    entry = new Entry();
                    entries.Add(address, entry);
                }

                if (entry.LastAt is null || message.SentAt > entry.LastAt)
                {
                    entry.LastAt = message.SentAt;
                    entry.LastSubject = message.Subject;
                }

                if (entry.FirstAt is null || message.SentAt < entry.FirstAt)
                {
                    entry.FirstAt = message.SentAt;
                    var sender = message.From;
                    entry.Introducer = sender is not null && sender.Address != address && !owner.IsOwn(sender.Address)
                        ? sender.DisplayName ?? sender.Address
                        : null;
                }
            }
        }
    }

    public string? LastSubjectWith(string address) => entries.GetValueOrDefault(address)?.LastSubject;

    public string? IntroducerOf(string address) => entries.GetValueOrDefault(address)?.Introducer;

    private static IEnumerable<string> AddressesOn(MessageMetadata message)
    {
        if (message.From is { } from)
        {
            yield return from.Address;
        }

        foreach (var recipient in message.Recipients)
        {
            yield return recipient.Who.Address;
        }
    }

    private sealed class Entry
    {
        public DateTimeOffset? LastAt { get; set; }

        public string? LastSubject { get; set; }

        public DateTimeOffset? FirstAt { get; set; }

        public string? Introducer { get; set; }
    }
}
