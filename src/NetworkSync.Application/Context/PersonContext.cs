using System.Text.Json.Serialization;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Contacts.Organisation;
using NetworkSync.Application.FollowUps;

namespace NetworkSync.Application.Context;

/// <summary>
/// Everything the task pane shows about one address (docs/api.md, PersonContext). <see cref="Address"/>
/// is the address asked about, normalised, so the caller can match answers to the people on its item;
/// when that address was merged into a person known under another address, <see cref="OtherAddresses"/>
/// lists the person's other addresses (the main one first). <see cref="WarmPath"/> is the best introduction to
/// a first contact or a cold or dormant person, when someone in the network can make one; null otherwise.
/// <see cref="Organisation"/> names the colleagues who opted in and know such a person when no warm path of the
/// caller's own exists (name and tier only); empty otherwise.
/// <see cref="JobChange"/> is set when the person's mail now comes from a new organisation.
/// </summary>
public sealed record PersonContext(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("known")] bool Known,
    [property: JsonPropertyName("warmth")] double Warmth,
    [property: JsonPropertyName("tier")] string Tier,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("lastContact")] DateTimeOffset? LastContact,
    [property: JsonPropertyName("lastInbound")] DateTimeOffset? LastInbound,
    [property: JsonPropertyName("lastOutbound")] DateTimeOffset? LastOutbound,
    [property: JsonPropertyName("lastMeeting")] DateTimeOffset? LastMeeting,
    [property: JsonPropertyName("flags")] PersonFlags Flags,
    [property: JsonPropertyName("interactions")] InteractionCounts Interactions,
    [property: JsonPropertyName("timeline")] IReadOnlyList<TimelineEntry> Timeline,
    [property: JsonPropertyName("meetings")] PersonMeetings Meetings,
    [property: JsonPropertyName("followUps")] IReadOnlyList<FollowUpView> FollowUps,
    [property: JsonPropertyName("otherAddresses")] IReadOnlyList<string> OtherAddresses,
    [property: JsonPropertyName("warmPath")] PersonWarmPath? WarmPath,
    [property: JsonPropertyName("organisation")] IReadOnlyList<OrganisationIntroducerView> Organisation,
    [property: JsonPropertyName("jobChange")] PersonJobChange? JobChange);
