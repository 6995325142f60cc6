namespace NetworkSync.Application.Notifications;

/// <summary>What one maintenance run did; <see cref="Failed"/> counts subscriptions it could not fix this time.</summary>
public sealed record SubscriptionMaintenanceResult(int Created, int Renewed, int Kept, int Deleted, int Failed, string? OffReason = null);
