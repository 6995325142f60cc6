using System.Text.Json.Serialization;

namespace NetworkSync.App.Features;

/// <summary>A follow-up as the CLI contract shows it. Follow-up rules arrive with their own issue; until then the list is empty.</summary>
public sealed record FollowUpView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("eventId")] string? EventId,
    [property: JsonPropertyName("contacts")] IReadOnlyList<string> Contacts,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("due")] DateTimeOffset Due,
    [property: JsonPropertyName("status")] string Status);
