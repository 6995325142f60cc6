namespace NetworkSync.App.Api;

public sealed record SnoozeRequest(DateTimeOffset? Until);
