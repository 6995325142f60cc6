using System.Text.Json.Serialization;

namespace NetworkSync.Application.Context;

/// <summary>
/// GET /api/contacts/{address}/history: the person asked about (<see cref="Address"/> is the address
/// they are known under, which differs from the one asked for when that was a merged alias) and
/// 24 months, oldest first, ending with the current month.
/// </summary>
public sealed record ContactHistory(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("months")] IReadOnlyList<HistoryMonth> Months);
