using System.Text.Json.Serialization;

namespace NetworkSync.App.Api;

/// <summary>GET /api/me: whose network the caller sees, how they signed in, and the server's clock.</summary>
public sealed record MeView(
    [property: JsonPropertyName("mailbox")] MeMailbox Mailbox,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("asOf")] DateTimeOffset AsOf);
