namespace NetworkSync.GraphEmulator;

/// <summary>One request as the emulator saw it. <paramref name="Mailbox"/> is the resolved user id.</summary>
public sealed record RequestLogEntry(
    DateTimeOffset At,
    string Method,
    string Path,
    string Query,
    EndpointKind Endpoint,
    string? Mailbox,
    int Status,
    TimeSpan Duration,
    string? Fault,
    string? Prefer);
