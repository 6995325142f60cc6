namespace NetworkSync.Domain.Relationships;

public enum InteractionDirection
{
    /// <summary>The mailbox owner wrote to the contact.</summary>
    Outbound = 0,

    /// <summary>The contact wrote to the mailbox owner.</summary>
    Inbound = 1,

    /// <summary>Both were in a meeting that took place.</summary>
    Meeting = 2,

    /// <summary>
    /// Both were on someone else's message: the contact was copied (To or Cc) beside the owner on mail
    /// a third person sent. A weak tie, but a real one; it never sets a last-contact date.
    /// </summary>
    CoRecipient = 3,
}
