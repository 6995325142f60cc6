using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Application.Contacts;

/// <summary>
/// Everything stored for one mailbox, loaded once so it can be scored at several points in time.
/// <see cref="Settings"/> is the user's settings row as loaded with it (its dormant threshold changes the
/// scores, so the scores are recomputed when it changes); null when loaded without settings.
/// <see cref="Directory"/> is the organisation's other users, address by address, as the last directory
/// listing stored them (identity evidence: <see cref="Domain.Relationships.DirectoryPerson"/>).
/// </summary>
public sealed record MailboxActivity(
    MailboxIdentity Owner,
    IReadOnlyList<MessageMetadata> Messages,
    IReadOnlyList<EventMetadata> Events,
    IReadOnlySet<string> BulkSenders,
    IReadOnlyList<Storage.Entities.ContactOverrideRow> Overrides,
    Storage.Entities.MailboxSettingsRow? Settings = null,
    IReadOnlyDictionary<string, Domain.Relationships.DirectoryPerson>? Directory = null);
