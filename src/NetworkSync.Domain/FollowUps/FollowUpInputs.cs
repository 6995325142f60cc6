using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.FollowUps;

/// <summary>Everything the follow-up rules look at for one mailbox at one moment.</summary>
public sealed record FollowUpInputs
{
    public required string MailboxId { get; init; }

    public required MailboxIdentity Owner { get; init; }

    public required DateTimeOffset AsOf { get; init; }

    public IReadOnlyList<EventMetadata> Events { get; init; } = [];

    public IReadOnlyList<MessageMetadata> Messages { get; init; } = [];

    /// <summary>The relationships scored at <see cref="AsOf"/>, automated senders included.</summary>
    public IReadOnlyList<ContactSummary> Contacts { get; init; } = [];

    public IReadOnlyList<FollowUpRecord> Existing { get; init; } = [];

    public WorkingSchedule Schedule { get; init; } = WorkingSchedule.Default;

    public FollowUpOptions Options { get; init; } = new();
}
