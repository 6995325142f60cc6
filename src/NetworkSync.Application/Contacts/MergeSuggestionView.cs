using System.Text.Json.Serialization;

namespace NetworkSync.Application.Contacts;

/// <summary>
/// Two addresses under one name with no evidence they are one person: confirm (same) or keep apart.
/// <see cref="Reason"/> says in words why the pair is suggested and not merged, and the last contact of
/// each address helps the user tell one person from two.
/// </summary>
public sealed record MergeSuggestionView(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("otherAddress")] string OtherAddress,
    [property: JsonPropertyName("displayName")] string DisplayName)
{
    [JsonPropertyName("reason")]
    public string Reason { get; init; } = string.Empty;

    [JsonPropertyName("lastContact")]
    public DateTimeOffset? LastContact { get; init; }

    [JsonPropertyName("otherLastContact")]
    public DateTimeOffset? OtherLastContact { get; init; }

    /// <summary>The sentence the dashboard shows: the shared name is all there is, so NetworkSync asks instead of guessing.</summary>
    public static string ReasonFor(string displayName) =>
        $"Both addresses go by the name {displayName}, and nothing else says they are one person: neither answered a thread with the other, they do not share an address name, and they were never on one message together. NetworkSync never merges on a name alone, so it asks you.";
}
