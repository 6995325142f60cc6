using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace NetworkSync.GraphEmulator;

/// <summary>
/// What an access token for the service's own API (not Graph) should say. Every property is optional; the
/// defaults give a valid delegated v2.0 token for the emulator's tenant, audience <see cref="DefaultAudience"/>
/// and scope <see cref="DefaultScope"/>, valid from now for an hour. The same fields, camelCased, are the JSON
/// body of <c>POST /_emulator/api-tokens</c> (unknown fields are refused there).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ApiTokenRequest
{
    public const string DefaultAudience = "api://networksync";

    public const string DefaultScope = "access_as_user";

    /// <summary>The client application (<c>azp</c>) used when <see cref="ClientId"/> is null.</summary>
    public const string DefaultClientId = "6f1c5b9e-2a47-4d3b-9e0a-7c4f1d2b8a53";

    /// <summary>The user or service principal object id (<c>oid</c>) used when <see cref="ObjectId"/> is null.</summary>
    public const string DefaultObjectId = "3d9f4a61-8b2c-4e57-a0d6-5c1e7f2b9a84";

    /// <summary><c>tid</c>; null = the emulator's <see cref="GraphEmulatorOptions.TenantId"/>. Also picks the default issuer.</summary>
    public string? TenantId { get; init; }

    /// <summary><c>oid</c>; null = <see cref="DefaultObjectId"/>.</summary>
    public string? ObjectId { get; init; }

    /// <summary>
    /// <c>sub</c>; null = for a delegated token a pairwise value derived from <c>oid</c> and <c>azp</c> (as Entra
    /// does: stable per user and app), for an app-only token the <c>oid</c>.
    /// </summary>
    public string? Subject { get; init; }

    /// <summary><c>aud</c>; null = <see cref="DefaultAudience"/>.</summary>
    public string? Audience { get; init; }

    /// <summary>
    /// Delegated scopes, written space-separated as <c>scp</c>. Null = <c>[access_as_user]</c> unless
    /// <see cref="Roles"/> is set (then the token is app-only and has no <c>scp</c>); empty = no <c>scp</c>.
    /// </summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>App roles, written as the <c>roles</c> array; null or empty = no <c>roles</c>.</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary><c>azp</c>, the client application's id; null = <see cref="DefaultClientId"/>.</summary>
    public string? ClientId { get; init; }

    /// <summary><c>preferred_username</c>; null = not in the token.</summary>
    public string? PreferredUsername { get; init; }

    /// <summary><c>name</c>; null = not in the token.</summary>
    public string? Name { get; init; }

    /// <summary><c>iat</c>; null = now by the emulator's <see cref="GraphEmulatorOptions.TimeProvider"/>.</summary>
    public DateTimeOffset? IssuedAt { get; init; }

    /// <summary><c>nbf</c>; null = <see cref="IssuedAt"/>.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary><c>exp</c>; null = <see cref="IssuedAt"/> + <see cref="ApiTokenIssuer.DefaultLifetime"/> (1 hour).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary><c>iss</c>; null = the tenant's v2.0 issuer, <c>{emulator base}/{tid}/v2.0</c>.</summary>
    public string? Issuer { get; init; }

    /// <summary>How the token is signed; the other values make tokens a validator must refuse.</summary>
    public ApiTokenSigning Signing { get; init; }

    /// <summary>Claims to leave out (any of them, <c>exp</c> or <c>aud</c> included), by name.</summary>
    public IReadOnlyList<string>? OmitClaims { get; init; }

    /// <summary>Claims to add, or to replace the computed ones with (a null value writes JSON null). Applied after <see cref="OmitClaims"/>.</summary>
    public IReadOnlyDictionary<string, JsonNode?>? ExtraClaims { get; init; }
}
