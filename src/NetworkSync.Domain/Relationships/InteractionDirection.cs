namespace NetworkSync.Domain.Relationships;

public enum InteractionDirection
{
    /// <summary>The mailbox owner wrote to the contact.</summary>
    Outbound = 0,

    /// <summary>The contact wrote to the mailbox owner.</summary>
    Inbound = 1,

    /// <summary>Both were in a meeting that took place.</summary>
    Meeting = 2,
}
