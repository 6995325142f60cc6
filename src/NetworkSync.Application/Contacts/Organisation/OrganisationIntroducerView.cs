using System.Text.Json.Serialization;
using NetworkSync.Domain.Relationships.Introductions;

namespace NetworkSync.Application.Contacts.Organisation;

/// <summary>
/// A colleague who knows the person, as the API and the task pane show it ("Someone in your organisation
/// knows them: Bo Berg (warm)"): the colleague's name and their own tier with the person, and nothing else:
/// no address, date, count, subject or message of theirs.
/// </summary>
public sealed record OrganisationIntroducerView(
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("tier")] string Tier)
{
    public static OrganisationIntroducerView From(OrganisationIntroducer introducer)
    {
        ArgumentNullException.ThrowIfNull(introducer);
        return new(introducer.DisplayName, introducer.Tier);
    }
}
