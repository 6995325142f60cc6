namespace NetworkSync.App.Api;

/// <summary>The task pane's pairing code, as GET /api/local/pairing-code answers it.</summary>
public sealed record PairingCodeView(string Code);
