using System.Text.Json.Serialization;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.Application.Network;

/// <summary>
/// One person in a list of the network overview. <see cref="Since"/> is what the list is about: for "you
/// owe a reply" their unanswered mail, for "waiting on them" the user's; null in the other lists.
/// </summary>
public sealed record NetworkPersonView(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("warmth")] double Warmth,
    [property: JsonPropertyName("tier")] string Tier,
    [property: JsonPropertyName("lastContact")] DateTimeOffset? LastContact,
    [property: JsonPropertyName("since")] DateTimeOffset? Since)
{
    public static NetworkPersonView From(ContactSummary person, DateTimeOffset? since = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new(person.Address, person.DisplayName, Math.Round(person.Warmth, 1), person.Tier, person.LastContact, since);
    }
}
