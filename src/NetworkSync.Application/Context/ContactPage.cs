using System.Text.Json.Serialization;

using NetworkSync.Application.Contacts;

namespace NetworkSync.Application.Context;

/// <summary>One page of GET /api/contacts: how many match in all, and the slice asked for.</summary>
public sealed record ContactPage(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("items")] IReadOnlyList<ContactView> Items);
