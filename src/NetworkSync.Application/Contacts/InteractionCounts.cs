using System.Text.Json.Serialization;

namespace NetworkSync.Application.Contacts;

public sealed record InteractionCounts(
    [property: JsonPropertyName("sent")] int Sent,
    [property: JsonPropertyName("received")] int Received,
    [property: JsonPropertyName("meetings")] int Meetings);
