using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator;

/// <summary>
/// An Entra ID (Microsoft identity platform) look-alike issuer of v2.0 access tokens for the service's own
/// API, for tests. Tokens are compact JWS, RS256, header <c>{"typ":"JWT","alg":"RS256","kid":…}</c>, signed
/// with an RSA 2048 key made for this emulator run and published, with a second "rotated" key, at
/// <c>{base}/{tenant}/discovery/v2.0/keys</c>; OpenID Connect metadata is at
/// <c>{base}/{tenant}/v2.0/.well-known/openid-configuration</c>, where Microsoft.Identity.Web and JwtBearer
/// look when <c>Instance</c> is the emulator's base address. Keys are made on first use, so an emulator
/// that never issues or publishes a token pays nothing for them.
/// </summary>
public sealed class ApiTokenIssuer
{
    /// <summary>Lifetime of a token whose <see cref="ApiTokenRequest.ExpiresAt"/> is not given (Entra's are 60–90 minutes).</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    /// <summary>The tenant id Entra uses for personal Microsoft accounts, the issuer of <c>/consumers</c>.</summary>
    internal const string ConsumersTenantId = "9188040d-6c67-4c5b-b112-36a304b66dad";

    /// <summary>The placeholder multi-tenant metadata (<c>/common</c>, <c>/organizations</c>) has in its issuer.</summary>
    internal const string TenantIdPlaceholder = "{tenantid}";

    private static readonly JsonSerializerOptions PayloadJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Func<Uri> _baseAddress;
    private readonly TimeProvider _clock;
    private readonly bool _publishRotatedKey;
    private readonly Lazy<SigningKey> _primaryKey = new(() => SigningKey.Create("NetworkSync Graph emulator token signing"));
    private readonly Lazy<SigningKey> _rotatedKey = new(() => SigningKey.Create("NetworkSync Graph emulator token signing (rotated)"));
    private readonly Lazy<SigningKey> _unknownKey = new(() => SigningKey.Create("Unpublished key"));

    internal ApiTokenIssuer(Func<Uri> baseAddress, string defaultTenantId, TimeProvider clock, bool publishRotatedKey)
    {
        _baseAddress = baseAddress;
        DefaultTenantId = defaultTenantId;
        _clock = clock;
        _publishRotatedKey = publishRotatedKey;
    }

    /// <summary>The emulator's <see cref="GraphEmulatorOptions.TenantId"/>: the <c>tid</c> of tokens that name none.</summary>
    public string DefaultTenantId { get; }

    /// <summary>The value for <c>AzureAd:Instance</c>: the emulator's base address, ending in "/" (e.g. <c>http://127.0.0.1:5123/</c>).</summary>
    public string Instance => _baseAddress().ToString();

    /// <summary>The <c>kid</c> of the key tokens are signed with by default, first in the JWKS.</summary>
    public string SigningKeyId => _primaryKey.Value.KeyId;

    /// <summary>The <c>kid</c> of the second key (<see cref="ApiTokenSigning.RotatedKey"/>), published after the first unless
    /// <see cref="GraphEmulatorOptions.PublishRotatedApiSigningKey"/> is false.</summary>
    public string RotatedSigningKeyId => _rotatedKey.Value.KeyId;

    /// <summary>The keys the JWKS publishes, in order.</summary>
    internal IEnumerable<SigningKey> PublishedKeys => _publishRotatedKey ? [_primaryKey.Value, _rotatedKey.Value] : [_primaryKey.Value];

    /// <summary>The issuer's clock (the emulator's <see cref="GraphEmulatorOptions.TimeProvider"/>).</summary>
    internal DateTimeOffset Now => _clock.GetUtcNow();

    private string Origin => _baseAddress().GetLeftPart(UriPartial.Authority);

    /// <summary>A tenant's v2.0 issuer and authority, <c>{base}/{tenant}/v2.0</c> (null = <see cref="DefaultTenantId"/>).</summary>
    public string GetIssuer(string? tenantId = null) => $"{Origin}/{tenantId ?? DefaultTenantId}/v2.0";

    /// <summary><c>{base}/{tenant}/v2.0/.well-known/openid-configuration</c>, JwtBearer's <c>MetadataAddress</c> for the tenant.</summary>
    public Uri GetMetadataAddress(string? tenantId = null) => new($"{GetIssuer(tenantId)}/.well-known/openid-configuration");

    /// <summary><c>{base}/{tenant}/discovery/v2.0/keys</c>, the JWKS.</summary>
    public Uri GetJwksUri(string? tenantId = null) => new($"{Origin}/{tenantId ?? DefaultTenantId}/discovery/v2.0/keys");

    /// <summary>Mints an access token as described by <paramref name="request"/> (see its defaults).</summary>
    public string Issue(ApiTokenRequest request) => Create(request).Token;

    internal (string Token, DateTimeOffset ExpiresAt) Create(ApiTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tenantId = request.TenantId ?? DefaultTenantId;
        var issuedAt = request.IssuedAt ?? _clock.GetUtcNow();
        var expiresAt = request.ExpiresAt ?? issuedAt + DefaultLifetime;
        var scopes = request.Scopes ?? (request.Roles is null ? [ApiTokenRequest.DefaultScope] : []);
        var delegated = scopes.Count > 0;
        var objectId = request.ObjectId ?? ApiTokenRequest.DefaultObjectId;
        var clientId = request.ClientId ?? ApiTokenRequest.DefaultClientId;

        // Claim order as in tokens Entra issues.
        var payload = new JsonObject
        {
            ["aud"] = request.Audience ?? ApiTokenRequest.DefaultAudience,
            ["iss"] = request.Issuer ?? GetIssuer(tenantId),
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["nbf"] = (request.NotBefore ?? issuedAt).ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["azp"] = clientId,

            // 0: a public client (the add-in, a SPA); 1: a client secret, as an app-only caller has.
            ["azpacr"] = delegated ? "0" : "1",
        };
        if (!delegated)
        {
            payload["idtyp"] = "app";
        }

        if (request.Name is not null)
        {
            payload["name"] = request.Name;
        }

        payload["oid"] = objectId;
        if (request.PreferredUsername is not null)
        {
            payload["preferred_username"] = request.PreferredUsername;
        }

        if (request.Roles is { Count: > 0 } roles)
        {
            payload["roles"] = new JsonArray([.. roles.Select(role => (JsonNode?)role)]);
        }

        if (delegated)
        {
            payload["scp"] = string.Join(' ', scopes);
        }

        payload["sub"] = request.Subject ?? (delegated ? PairwiseSubject(objectId, clientId) : objectId);
        payload["tid"] = tenantId;
        payload["uti"] = NewUniqueTokenId();
        payload["ver"] = "2.0";

        foreach (var name in request.OmitClaims ?? [])
        {
            payload.Remove(name);
        }

        foreach (var (name, value) in request.ExtraClaims ?? new Dictionary<string, JsonNode?>())
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(request));
            payload[name] = value?.DeepClone();
        }

        return (Sign(payload, request.Signing), expiresAt);
    }

    /// <summary>The issuer the metadata of a tenant path segment announces: templated for <c>common</c> and <c>organizations</c>.</summary>
    internal string MetadataIssuer(string tenant) => $"{Origin}/{MetadataTenant(tenant)}/v2.0";

    /// <summary>The tenant a path segment stands for: the configured one in its own spelling, a placeholder for multi-tenant paths.</summary>
    internal string CanonicalTenant(string tenant) => tenant.Equals(DefaultTenantId, StringComparison.OrdinalIgnoreCase) ? DefaultTenantId : tenant;

    private string MetadataTenant(string tenant) =>
        tenant.Equals("common", StringComparison.OrdinalIgnoreCase) || tenant.Equals("organizations", StringComparison.OrdinalIgnoreCase) ? TenantIdPlaceholder
        : tenant.Equals("consumers", StringComparison.OrdinalIgnoreCase) ? ConsumersTenantId
        : CanonicalTenant(tenant);

    private string Sign(JsonObject payload, ApiTokenSigning signing)
    {
        var payloadPart = Encode(payload);
        if (signing == ApiTokenSigning.None)
        {
            return $"{Encode(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" })}.{payloadPart}.";
        }

        var key = signing switch
        {
            ApiTokenSigning.PrimaryKey or ApiTokenSigning.TamperedPayload => _primaryKey.Value,
            ApiTokenSigning.RotatedKey => _rotatedKey.Value,
            ApiTokenSigning.UnknownKey => _unknownKey.Value,
            _ => throw new ArgumentOutOfRangeException(nameof(signing), signing, "Unknown signing."),
        };
        var headerPart = Encode(new JsonObject { ["typ"] = "JWT", ["alg"] = "RS256", ["kid"] = key.KeyId });
        var signedPayloadPart = payloadPart;
        if (signing == ApiTokenSigning.TamperedPayload)
        {
            // The signature is genuine, but for another payload (a different token id): the claims sent were not the ones signed.
            var original = payload.DeepClone().AsObject();
            original["uti"] = NewUniqueTokenId();
            signedPayloadPart = Encode(original);
        }

        var signature = key.Sign(Encoding.ASCII.GetBytes($"{headerPart}.{signedPayloadPart}"));
        return $"{headerPart}.{payloadPart}.{Base64Url.EncodeToString(signature)}";
    }

    private static string Encode(JsonObject json)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = PayloadJson.Encoder }))
        {
            json.WriteTo(writer, PayloadJson);
        }

        return Base64Url.EncodeToString(buffer.WrittenSpan);
    }

    /// <summary>Entra's <c>sub</c> is pairwise: the same user has a different one in each app, stable over time.</summary>
    private static string PairwiseSubject(string objectId, string clientId) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($"{objectId}|{clientId}")));

    private static string NewUniqueTokenId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
