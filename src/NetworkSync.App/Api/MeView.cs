using System.Text.Json.Serialization;

namespace NetworkSync.App.Api;

/// <summary>
/// GET /api/me: whose network the caller sees, how they signed in, the server's clock, and the Graph
/// permissions an optional feature of their mailbox was refused (the dashboard shows them; empty when none),
/// and, while its sync is failing, what to do about it (<see cref="Domain.Sync.SyncFailureAdvice"/>; left out otherwise).
/// </summary>
public sealed record MeView(
    [property: JsonPropertyName("mailbox")] MeMailbox Mailbox,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("asOf")] DateTimeOffset AsOf,
    [property: JsonPropertyName("missingPermissions")] IReadOnlyList<string> MissingPermissions,
    [property: JsonPropertyName("syncProblem"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SyncProblem = null);
