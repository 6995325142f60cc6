namespace NetworkSync.Domain.Relationships;

/// <summary>The owner's part in an interaction, which weighs it (docs/relationship-model.md).</summary>
public enum InteractionRole
{
    /// <summary>Mail: the contact (outbound) or the owner (inbound) is in To.</summary>
    To = 0,

    /// <summary>Mail: only in Cc.</summary>
    Cc = 1,

    /// <summary>Mail: only in Bcc.</summary>
    Bcc = 2,

    /// <summary>Inbound mail that reached the owner through a list.</summary>
    NotAddressed = 3,

    /// <summary>Meeting the owner organised.</summary>
    Organizer = 4,

    /// <summary>Meeting the owner accepted (or did not answer but attended).</summary>
    Attendee = 5,

    /// <summary>Meeting the owner accepted tentatively.</summary>
    Tentative = 6,
}
