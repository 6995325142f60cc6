using System.Text.Json.Serialization;

namespace NetworkSync.Application.Network;

/// <summary>
/// GET /api/network-overview: the wider network for the dashboard's charts and lists, at <see cref="AsOf"/>.
/// <see cref="WaitingDays"/> is the caller's setting "waiting on them" was worked out with.
/// </summary>
public sealed record NetworkOverview(
    [property: JsonPropertyName("asOf")] DateTimeOffset AsOf,
    [property: JsonPropertyName("months")] IReadOnlyList<NetworkMonthView> Months,
    [property: JsonPropertyName("organisations")] IReadOnlyList<OrganisationView> Organisations,
    [property: JsonPropertyName("weakTies")] IReadOnlyList<NetworkPersonView> WeakTies,
    [property: JsonPropertyName("owesReply")] IReadOnlyList<NetworkPersonView> OwesReply,
    [property: JsonPropertyName("waitingOnThem")] IReadOnlyList<NetworkPersonView> WaitingOnThem,
    [property: JsonPropertyName("waitingDays")] int WaitingDays);
