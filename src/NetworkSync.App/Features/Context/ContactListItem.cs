using System.Text.Json.Serialization;
using NetworkSync.App.Features.Contacts;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.App.Features.Context;

/// <summary>One contact in GET /api/contacts: the <see cref="ContactView"/> fields (the CLI's) plus whether the user muted them.</summary>
public sealed record ContactListItem(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("warmth")] double Warmth,
    [property: JsonPropertyName("tier")] string Tier,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("lastContact")] DateTimeOffset? LastContact,
    [property: JsonPropertyName("lastInbound")] DateTimeOffset? LastInbound,
    [property: JsonPropertyName("lastOutbound")] DateTimeOffset? LastOutbound,
    [property: JsonPropertyName("lastMeeting")] DateTimeOffset? LastMeeting,
    [property: JsonPropertyName("dormant")] bool Dormant,
    [property: JsonPropertyName("cooling")] bool Cooling,
    [property: JsonPropertyName("automated")] bool Automated,
    [property: JsonPropertyName("interactions")] InteractionCounts Interactions,
    [property: JsonPropertyName("otherAddresses")] IReadOnlyList<string> OtherAddresses,
    [property: JsonPropertyName("muted")] bool Muted)
{
    /// <summary>A scored contact listed under <paramref name="address"/> (its own, or a muted alias of it).</summary>
    public static ContactListItem From(ContactSummary summary, string address, bool muted)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var others = address == summary.Address ? summary.OtherAddresses : PersonIndex.AddressesOf(summary).Where(a => a != address).ToList();
        return new ContactListItem(
            address, summary.DisplayName, summary.Warmth, summary.Tier, summary.Reasons, summary.LastContact, summary.LastInbound, summary.LastOutbound,
            summary.LastMeeting, summary.Dormant, summary.Cooling, summary.Automated, new InteractionCounts(summary.Sent, summary.Received, summary.Meetings), others, muted);
    }

    /// <summary>An address muted before NetworkSync ever scored it.</summary>
    public static ContactListItem Unscored(string address, bool muted) => new(
        address, null, 0, "cold", [], null, null, null, null, Dormant: false, Cooling: false, Automated: muted, new InteractionCounts(0, 0, 0), [], muted);
}
