using System.Text.Json.Serialization;

namespace NetworkSync.App.Api;

/// <summary>The caller's mailbox as GET /api/me shows it.</summary>
public sealed record MeMailbox(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("mail")] string? Mail,
    [property: JsonPropertyName("displayName")] string? DisplayName);
