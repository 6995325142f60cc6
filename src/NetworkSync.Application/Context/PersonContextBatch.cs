using System.Text.Json.Serialization;

namespace NetworkSync.Application.Context;

/// <summary>The answer to POST /api/context/batch: the server's clock and the people, warmest first.</summary>
public sealed record PersonContextBatch(
    [property: JsonPropertyName("asOf")] DateTimeOffset AsOf,
    [property: JsonPropertyName("people")] IReadOnlyList<PersonContext> People);
