namespace NetworkSync.GraphEmulator;

/// <summary>What a request addressed; used by the request log and to target faults.</summary>
public enum EndpointKind
{
    Token,
    Users,
    User,
    Me,
    MessagesDelta,
    CalendarViewDelta,
    MailFolder,
    Admin,
    Other,
}
