namespace NetworkSync.App.Api;

/// <summary>The body of /healthz/live and a ready /healthz/ready: one word, nothing an outsider could use.</summary>
public sealed record ProbeStatus(string Status);
