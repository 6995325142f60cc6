using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.App.Features.Contacts;

/// <summary>Everything stored for one mailbox, loaded once so it can be scored at several points in time.</summary>
public sealed record MailboxActivity(
    MailboxIdentity Owner,
    IReadOnlyList<MessageMetadata> Messages,
    IReadOnlyList<EventMetadata> Events,
    IReadOnlySet<string> BulkSenders,
    IReadOnlyList<Storage.Entities.ContactOverrideRow> Overrides);
