namespace NetworkSync.App.Api;

/// <summary>A follow-up written by hand: who it is about, what to do and when.</summary>
public sealed record CreateFollowUpRequest(IReadOnlyList<string>? Contacts, string? Title, DateTimeOffset? Due);
