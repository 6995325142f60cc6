namespace NetworkSync.Domain.Relationships;

/// <summary>
/// Two addresses under one full name with no evidence that they are one person: the user is asked
/// (confirm, or keep apart) rather than the two being merged on a display name alone.
/// </summary>
public sealed record MergeSuggestion(string Address, string OtherAddress, string DisplayName);
