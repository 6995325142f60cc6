using System.Text.Json.Serialization;

namespace NetworkSync.App.Features.Contacts;

/// <summary>Two addresses under one name with no evidence they are one person: confirm (same) or keep apart.</summary>
public sealed record MergeSuggestionView(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("otherAddress")] string OtherAddress,
    [property: JsonPropertyName("displayName")] string DisplayName);
