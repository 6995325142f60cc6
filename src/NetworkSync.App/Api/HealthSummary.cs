namespace NetworkSync.App.Api;

/// <summary>/healthz for anyone: healthy or not, and why in general terms (no mailbox is named).</summary>
public sealed record HealthSummary(string Status, string Reason);
