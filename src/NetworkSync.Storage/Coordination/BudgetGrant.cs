namespace NetworkSync.Storage.Coordination;

/// <summary>Requests reserved of a mailbox's Graph budget, and the window they count against.</summary>
public sealed record BudgetGrant(int Granted, long WindowStartMs, long WindowEndsMs);
