using System.Text.Json.Serialization;

namespace NetworkSync.App.Api;

/// <summary>The body of POST /api/context/batch. Entries may be null or malformed; the endpoint reports those by position.</summary>
public sealed record ContextBatchRequest([property: JsonPropertyName("addresses")] IReadOnlyList<string?>? Addresses);
