using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Microsoft.IdentityModel.Validators;

namespace NetworkSync.GraphEmulator.Tests;

/// <summary>
/// The Entra ID-like issuer of access tokens for the service's API: OpenID metadata and keys over HTTP, tokens
/// checked with Microsoft.IdentityModel (what JwtBearer and Microsoft.Identity.Web validate with), the hostile
/// variants refused for the reason they were made for, and the admin route.
/// </summary>
public sealed class ApiTokenTests
{
    private const string TenantGuid = "5f0c4b8e-1d2a-4c3b-9e8f-7a6b5c4d3e2f";

    [Fact]
    public async Task Tenant_metadata_is_where_Microsoft_Identity_Web_looks_and_names_the_v2_issuer()
    {
        await using var emulator = await GraphEmulator.StartAsync(new GraphEmulatorOptions { TenantId = TenantGuid });
        using var http = new HttpClient();
        var origin = $"http://127.0.0.1:{emulator.BaseAddress.Port}";

        // Microsoft.Identity.Web's authority is {Instance}{TenantId}/v2.0; JwtBearer reads metadata below it.
        Assert.Equal($"{origin}/", emulator.ApiTokens.Instance);
        var authority = $"{emulator.ApiTokens.Instance}{TenantGuid}/v2.0";
        using var response = await http.GetAsync(new Uri($"{authority}/.well-known/openid-configuration"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var metadata = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal($"{origin}/{TenantGuid}/v2.0", Text(metadata, "issuer"));
        Assert.Equal($"{origin}/{TenantGuid}/discovery/v2.0/keys", Text(metadata, "jwks_uri"));
        Assert.Equal($"{origin}/{TenantGuid}/oauth2/v2.0/authorize", Text(metadata, "authorization_endpoint"));
        Assert.Equal(emulator.TokenEndpoint.ToString(), Text(metadata, "token_endpoint"));
        Assert.Equal(["RS256"], Strings(metadata["id_token_signing_alg_values_supported"]));
        Assert.Equal(["pairwise"], Strings(metadata["subject_types_supported"]));

        Assert.Equal(authority, emulator.ApiTokens.GetIssuer());
        Assert.Equal(new Uri($"{authority}/.well-known/openid-configuration"), emulator.ApiTokens.GetMetadataAddress());
        Assert.Equal(new Uri(Text(metadata, "jwks_uri")), emulator.ApiTokens.GetJwksUri());
        Assert.Equal(1, emulator.Requests.Count(EndpointKind.OpenIdConfiguration));

        // The issuer is the one tokens carry, whatever host name the client used.
        var viaLocalhost = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://localhost:{emulator.BaseAddress.Port}/{TenantGuid}/v2.0/.well-known/openid-configuration")))!;
        Assert.Equal($"{origin}/{TenantGuid}/v2.0", Text(viaLocalhost, "issuer"));

        // Not a Graph route: no token needed, and only GET.
        using var post = await http.PostAsync(emulator.ApiTokens.GetMetadataAddress(), content: null);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Theory]
    [InlineData("common", "{tenantid}")]
    [InlineData("organizations", "{tenantid}")]
    [InlineData("consumers", "9188040d-6c67-4c5b-b112-36a304b66dad")]
    public async Task Multi_tenant_metadata_announces_the_issuer_Entra_does(string tenantPath, string issuerTenant)
    {
        await using var emulator = await GraphEmulator.StartAsync(new GraphEmulatorOptions());
        using var http = new HttpClient();
        var origin = $"http://127.0.0.1:{emulator.BaseAddress.Port}";

        var metadata = JsonNode.Parse(await http.GetStringAsync(new Uri($"{origin}/{tenantPath}/v2.0/.well-known/openid-configuration")))!;
        var keys = JsonNode.Parse(await http.GetStringAsync(new Uri(Text(metadata, "jwks_uri"))))!["keys"]!.AsArray();

        Assert.Equal($"{origin}/{issuerTenant}/v2.0", Text(metadata, "issuer"));
        Assert.Equal($"{origin}/{tenantPath}/discovery/v2.0/keys", Text(metadata, "jwks_uri"));
        Assert.Equal($"{origin}/{tenantPath}/oauth2/v2.0/token", Text(metadata, "token_endpoint"));
        Assert.All(keys, key => Assert.Equal($"{origin}/{issuerTenant}/v2.0", Text(key!, "issuer")));
    }

    [Fact]
    public async Task Keys_endpoint_publishes_the_signing_key_then_the_rotated_one_as_RSA_JWKs()
    {
        await using var emulator = await GraphEmulator.StartAsync(new GraphEmulatorOptions());
        using var http = new HttpClient();

        using var response = await http.GetAsync(emulator.ApiTokens.GetJwksUri());
        var keys = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["keys"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([emulator.ApiTokens.SigningKeyId, emulator.ApiTokens.RotatedSigningKeyId], keys.Select(k => Text(k!, "kid")));
        Assert.NotEqual(emulator.ApiTokens.SigningKeyId, emulator.ApiTokens.RotatedSigningKeyId);
        foreach (var key in keys)
        {
            Assert.Equal("RSA", Text(key!, "kty"));
            Assert.Equal("sig", Text(key!, "use"));
            Assert.Equal("AQAB", Text(key!, "e"));
            Assert.Equal(emulator.ApiTokens.GetIssuer(), Text(key!, "issuer"));
            var modulus = Base64Url.DecodeFromChars(Text(key!, "n"));
            Assert.Equal(256, modulus.Length);

            // As Entra: kid = x5t = the certificate's SHA-1 thumbprint, and the certificate holds the same public key.
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(Text(key!["x5c"]![0]!)));
            using var publicKey = certificate.GetRSAPublicKey()!;
            Assert.Equal(modulus, publicKey.ExportParameters(false).Modulus);
            Assert.Equal(Base64Url.EncodeToString(certificate.GetCertHash()), Text(key!, "x5t"));
            Assert.Equal(Text(key!, "x5t"), Text(key!, "kid"));
        }

        // The kid is stable for the emulator's life, and the keys parse as IdentityModel signing keys.
        var again = JsonNode.Parse(await http.GetStringAsync(emulator.ApiTokens.GetJwksUri()))!["keys"]!.AsArray();
        Assert.Equal(keys.Select(k => Text(k!, "kid")), again.Select(k => Text(k!, "kid")));
        var signingKeys = new JsonWebKeySet(keys.Parent!.ToJsonString()).GetSigningKeys();
        Assert.Contains(signingKeys, k => k.KeyId == emulator.ApiTokens.SigningKeyId);
        Assert.Contains(signingKeys, k => k.KeyId == emulator.ApiTokens.RotatedSigningKeyId);
        Assert.Equal(2, emulator.Requests.Count(EndpointKind.SigningKeys));
    }

    [Fact]
    public async Task Without_the_rotated_key_only_the_signing_key_is_published_and_rotated_tokens_fail()
    {
        await using var emulator = await GraphEmulator.StartAsync(new GraphEmulatorOptions { PublishRotatedApiSigningKey = false });
        using var http = new HttpClient();

        var keys = JsonNode.Parse(await http.GetStringAsync(emulator.ApiTokens.GetJwksUri()))!["keys"]!.AsArray();
        var parameters = await ParametersFromMetadataAsync(http, emulator.ApiTokens.GetMetadataAddress());
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(emulator.ApiTokens.Issue(new ApiTokenRequest { Signing = ApiTokenSigning.RotatedKey }), parameters);

        Assert.Equal([emulator.ApiTokens.SigningKeyId], keys.Select(k => Text(k!, "kid")));
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(result.Exception);
    }

    [Fact]
    public async Task A_default_token_is_a_delegated_Entra_v2_access_token_dated_by_the_emulator_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await GraphEmulator.StartAsync(new GraphEmulatorOptions { TimeProvider = clock });

        var token = emulator.ApiTokens.Issue(new ApiTokenRequest { ObjectId = "oid-alice", PreferredUsername = "alice@contoso.test", Name = "Alice Zoë" });
        var (header, payload) = Decode(token);

        Assert.Equal("""{"typ":"JWT","alg":"RS256","kid":"KID"}""".Replace("KID", emulator.ApiTokens.SigningKeyId, StringComparison.Ordinal), header.ToJsonString());
        Assert.Equal(
            ["aud", "iss", "iat", "nbf", "exp", "azp", "azpacr", "name", "oid", "preferred_username", "scp", "sub", "tid", "uti", "ver"],
            payload.Select(p => p.Key));
        Assert.Equal("api://networksync", Text(payload, "aud"));
        Assert.Equal($"http://127.0.0.1:{emulator.BaseAddress.Port}/emulator-tenant/v2.0", Text(payload, "iss"));
        Assert.Equal(1773133200, payload["iat"]!.GetValue<long>());
        Assert.Equal(1773133200, payload["nbf"]!.GetValue<long>());
        Assert.Equal(1773133200 + 3600, payload["exp"]!.GetValue<long>());
        Assert.Equal(ApiTokenRequest.DefaultClientId, Text(payload, "azp"));
        Assert.Equal("0", Text(payload, "azpacr"));
        Assert.Equal("Alice Zoë", Text(payload, "name"));
        Assert.Equal("oid-alice", Text(payload, "oid"));
        Assert.Equal("alice@contoso.test", Text(payload, "preferred_username"));
        Assert.Equal("access_as_user", Text(payload, "scp"));
        Assert.Equal("emulator-tenant", Text(payload, "tid"));
        Assert.Equal("2.0", Text(payload, "ver"));
        Assert.Equal(22, Text(payload, "uti").Length);
        Assert.Contains("Zoë", Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.Split('.')[1])), StringComparison.Ordinal);

        // sub is pairwise: stable for the same user and app, another value in another app; uti is new each time.
        var (_, again) = Decode(emulator.ApiTokens.Issue(new ApiTokenRequest { ObjectId = "oid-alice" }));
        var (_, otherApp) = Decode(emulator.ApiTokens.Issue(new ApiTokenRequest { ObjectId = "oid-alice", ClientId = "other-app" }));
        Assert.Equal(43, Text(payload, "sub").Length);
        Assert.Equal(Text(payload, "sub"), Text(again, "sub"));
        Assert.NotEqual(Text(payload, "sub"), Text(otherApp, "sub"));
        Assert.NotEqual(Text(payload, "uti"), Text(again, "uti"));
        Assert.Equal("other-app", Text(otherApp, "azp"));

        // The dates follow the clock: a validator whose lifetime check reads the same clock accepts the token, then not.
        using var http = new HttpClient();
        var parameters = await ParametersFromMetadataAsync(http, emulator.ApiTokens.GetMetadataAddress());
        parameters.LifetimeValidator = (notBefore, expires, _, _) => notBefore <= clock.GetUtcNow().UtcDateTime && clock.GetUtcNow().UtcDateTime < expires;
        Assert.True((await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters)).IsValid);
        clock.Advance(TimeSpan.FromMinutes(61));
        Assert.IsType<SecurityTokenInvalidLifetimeException>((await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters)).Exception);
    }

    [Fact]
    public async Task Roles_without_scopes_make_an_app_only_token_and_claims_can_be_omitted_or_added()
    {
        await using var emulator = await GraphEmulator.StartAsync(new GraphEmulatorOptions());

        var (_, appOnly) = Decode(emulator.ApiTokens.Issue(new ApiTokenRequest { ObjectId = "sp-1", Roles = ["Sync.Run", "Contacts.Read.All"] }));
        var (_, both) = Decode(emulator.ApiTokens.Issue(new ApiTokenRequest { Scopes = ["access_as_user", "Contacts.Read"], Roles = ["Admin"], TenantId = "tenant-b" }));
        var (_, edited) = Decode(emulator.ApiTokens.Issue(new ApiTokenRequest
        {
            OmitClaims = ["tid", "scp"],
            ExtraClaims = new Dictionary<string, JsonNode?> { ["xms_cc"] = new JsonArray("CP1"), ["ver"] = "1.0", ["acct"] = 0 },
        }));

        Assert.Null(appOnly["scp"]);
        Assert.Equal(["Sync.Run", "Contacts.Read.All"], Strings(appOnly["roles"]));
        Assert.Equal("app", Text(appOnly, "idtyp"));
        Assert.Equal("sp-1", Text(appOnly, "sub"));
        Assert.Equal("1", Text(appOnly, "azpacr"));

        Assert.Equal("access_as_user Contacts.Read", Text(both, "scp"));
        Assert.Equal(["Admin"], Strings(both["roles"]));
        Assert.Null(both["idtyp"]);
        Assert.Equal("tenant-b", Text(both, "tid"));
        Assert.Equal(emulator.ApiTokens.GetIssuer("tenant-b"), Text(both, "iss"));

        Assert.False(edited.ContainsKey("tid"));
        Assert.False(edited.ContainsKey("scp"));
        Assert.Equal(["CP1"], Strings(edited["xms_cc"]));
        Assert.Equal("1.0", Text(edited, "ver"));
        Assert.Equal(0, edited["acct"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_minted_token_validates_against_the_published_metadata_and_keys()
    {
        await using var emulator = await GraphEmulator.StartAsync(new GraphEmulatorOptions { TenantId = TenantGuid });
        using var http = new HttpClient();
        var parameters = await ParametersFromMetadataAsync(http, emulator.ApiTokens.GetMetadataAddress());
        var handler = new JsonWebTokenHandler();

        var result = await handler.ValidateTokenAsync(
            emulator.ApiTokens.Issue(new ApiTokenRequest { ObjectId = "oid-1", Scopes = ["access_as_user", "Contacts.Read"] }), parameters);
        var rotated = await handler.ValidateTokenAsync(emulator.ApiTokens.Issue(new ApiTokenRequest { Signing = ApiTokenSigning.RotatedKey }), parameters);

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("oid-1", result.ClaimsIdentity.FindFirst("oid")!.Value);
        Assert.Equal(TenantGuid, result.ClaimsIdentity.FindFirst("tid")!.Value);
        Assert.Equal("access_as_user Contacts.Read", result.ClaimsIdentity.FindFirst("scp")!.Value);
        Assert.Equal(emulator.ApiTokens.SigningKeyId, ((JsonWebToken)result.SecurityToken).Kid);
        Assert.True(rotated.IsValid, rotated.Exception?.Message);
        Assert.Equal(emulator.ApiTokens.RotatedSigningKeyId, ((JsonWebToken)rotated.SecurityToken).Kid);
    }

    [Theory]
    [InlineData("expired", nameof(SecurityTokenExpiredException))]
    [InlineData("not yet valid", nameof(SecurityTokenNotYetValidException))]
    [InlineData("no expiry", nameof(SecurityTokenNoExpirationException))]
    [InlineData("wrong audience", nameof(SecurityTokenInvalidAudienceException))]
    [InlineData("wrong issuer", nameof(SecurityTokenInvalidIssuerException))]
    [InlineData("another tenant", nameof(SecurityTokenInvalidIssuerException))]
    [InlineData("alg none", nameof(SecurityTokenInvalidSignatureException))]
    [InlineData("tampered payload", nameof(SecurityTokenInvalidSignatureException))]
    [InlineData("unknown key", nameof(SecurityTokenSignatureKeyNotFoundException))]
    public async Task Each_hostile_token_fails_validation_for_its_own_reason(string hostile, string expectedException)
    {
        await using var emulator = await GraphEmulator.StartAsync(new GraphEmulatorOptions());
        using var http = new HttpClient();
        var handler = new JsonWebTokenHandler();
        var now = DateTimeOffset.UtcNow;
        var token = emulator.ApiTokens.Issue(hostile switch
        {
            "expired" => new ApiTokenRequest { IssuedAt = now.AddMinutes(-70), ExpiresAt = now.AddMinutes(-10) },
            "not yet valid" => new ApiTokenRequest { NotBefore = now.AddMinutes(30) },
            "no expiry" => new ApiTokenRequest { OmitClaims = ["exp"] },
            "wrong audience" => new ApiTokenRequest { Audience = "api://someone-else" },
            "wrong issuer" => new ApiTokenRequest { Issuer = "https://login.microsoftonline.com/emulator-tenant/v2.0" },
            "another tenant" => new ApiTokenRequest { TenantId = "another-tenant" },
            "alg none" => new ApiTokenRequest { Signing = ApiTokenSigning.None },
            "tampered payload" => new ApiTokenRequest { Signing = ApiTokenSigning.TamperedPayload },
            "unknown key" => new ApiTokenRequest { Signing = ApiTokenSigning.UnknownKey },
            _ => throw new ArgumentOutOfRangeException(nameof(hostile)),
        });

        var strict = await handler.ValidateTokenAsync(token, await ParametersFromMetadataAsync(http, emulator.ApiTokens.GetMetadataAddress()));

        Assert.False(strict.IsValid);
        Assert.Equal(expectedException, strict.Exception.GetType().Name);

        // The same validation with only that one check switched off accepts the token: nothing else is wrong with it.
        var relaxed = await ParametersFromMetadataAsync(http, emulator.ApiTokens.GetMetadataAddress());
        switch (hostile)
        {
            case "expired" or "not yet valid":
                relaxed.ValidateLifetime = false;
                break;
            case "no expiry":
                relaxed.RequireExpirationTime = false;
                break;
            case "wrong audience":
                relaxed.ValidateAudience = false;
                break;
            case "wrong issuer" or "another tenant":
                relaxed.ValidateIssuer = false;
                break;
            case "alg none":
                relaxed.RequireSignedTokens = false;
                break;
            default:
                relaxed.SignatureValidator = (raw, _) => new JsonWebToken(raw);
                break;
        }

        var accepted = await handler.ValidateTokenAsync(token, relaxed);
        Assert.True(accepted.IsValid, accepted.Exception?.Message);

        var (header, _) = Decode(token);
        switch (hostile)
        {
            case "alg none":
                Assert.Equal("""{"alg":"none","typ":"JWT"}""", header.ToJsonString());
                Assert.EndsWith(".", token, StringComparison.Ordinal);
                break;
            case "unknown key":
                Assert.DoesNotContain(Text(header, "kid"), new[] { emulator.ApiTokens.SigningKeyId, emulator.ApiTokens.RotatedSigningKeyId });
                break;
            case "tampered payload":
                Assert.Equal(emulator.ApiTokens.SigningKeyId, Text(header, "kid"));
                break;
        }
    }

    [Fact]
    public async Task Multi_tenant_validation_resolves_the_tenantid_issuer_and_checks_the_key_issuer()
    {
        await using var emulator = await GraphEmulator.StartAsync(new GraphEmulatorOptions());
        using var http = new HttpClient();

        // What Microsoft.Identity.Web sets up for a multi-tenant API: metadata of /organizations, AadIssuerValidator
        // and the signing key issuer check. ValidIssuer carries the template because AadIssuerValidator would
        // otherwise fetch the metadata itself, and its own retriever accepts https only.
        var authority = $"{emulator.ApiTokens.Instance}organizations/v2.0";
        var configuration = ConfigurationManagerFor(http, new Uri($"{authority}/.well-known/openid-configuration"));
        var issuerTemplate = (await configuration.GetConfigurationAsync(CancellationToken.None)).Issuer;
        var parameters = new TokenValidationParameters
        {
            ConfigurationManager = configuration,
            ValidAudience = ApiTokenRequest.DefaultAudience,
            ValidIssuer = issuerTemplate,
            IssuerValidator = AadIssuerValidator.GetAadIssuerValidator(authority).Validate,
        };
        parameters.EnableAadSigningKeyIssuerValidation();
        var handler = new JsonWebTokenHandler();

        var tenantA = await handler.ValidateTokenAsync(emulator.ApiTokens.Issue(new ApiTokenRequest { TenantId = "tenant-a" }), parameters);
        var tenantB = await handler.ValidateTokenAsync(emulator.ApiTokens.Issue(new ApiTokenRequest { TenantId = "tenant-b", Signing = ApiTokenSigning.RotatedKey }), parameters);
        var mismatch = await handler.ValidateTokenAsync(
            emulator.ApiTokens.Issue(new ApiTokenRequest { TenantId = "tenant-b", Issuer = emulator.ApiTokens.GetIssuer("tenant-c") }), parameters);

        Assert.Equal($"http://127.0.0.1:{emulator.BaseAddress.Port}/{{tenantid}}/v2.0", issuerTemplate);
        Assert.True(tenantA.IsValid, tenantA.Exception?.Message);
        Assert.True(tenantB.IsValid, tenantB.Exception?.Message);
        Assert.Equal("tenant-b", tenantB.ClaimsIdentity.FindFirst("tid")!.Value);
        Assert.IsType<SecurityTokenInvalidIssuerException>(mismatch.Exception);
    }

    [Fact]
    public async Task The_key_issuer_published_with_the_keys_is_checked_against_the_tokens_tenant()
    {
        await using var emulator = await GraphEmulator.StartAsync(new GraphEmulatorOptions());
        using var http = new HttpClient();

        // Issuer validation off, so that only the check of the JWKS key's "issuer" ({base}/{tenantid}/v2.0 under
        // /common) against the token's tid and iss can refuse a token: a token whose iss is not its tid's.
        var parameters = new TokenValidationParameters
        {
            ConfigurationManager = ConfigurationManagerFor(http, new Uri($"{emulator.ApiTokens.Instance}common/v2.0/.well-known/openid-configuration")),
            ValidAudience = ApiTokenRequest.DefaultAudience,
            ValidateIssuer = false,
        };
        parameters.EnableAadSigningKeyIssuerValidation();
        var handler = new JsonWebTokenHandler();

        var own = await handler.ValidateTokenAsync(emulator.ApiTokens.Issue(new ApiTokenRequest { TenantId = "tenant-b" }), parameters);
        var foreign = await handler.ValidateTokenAsync(
            emulator.ApiTokens.Issue(new ApiTokenRequest { TenantId = "tenant-b", Issuer = emulator.ApiTokens.GetIssuer("tenant-c") }), parameters);

        Assert.True(own.IsValid, own.Exception?.Message);
        Assert.IsType<SecurityTokenInvalidIssuerException>(foreign.Exception);
        Assert.Contains("IDX40004", foreign.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_are_made_per_emulator_start_so_another_runs_tokens_find_no_key()
    {
        await using var first = await GraphEmulator.StartAsync(new GraphEmulatorOptions());
        await using var second = await GraphEmulator.StartAsync(new GraphEmulatorOptions());
        using var http = new HttpClient();

        var parameters = await ParametersFromMetadataAsync(http, second.ApiTokens.GetMetadataAddress());
        parameters.ValidIssuer = first.ApiTokens.GetIssuer();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(first.ApiTokens.Issue(new ApiTokenRequest()), parameters);

        Assert.NotEqual(first.ApiTokens.SigningKeyId, second.ApiTokens.SigningKeyId);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(result.Exception);
    }

    [Fact]
    public async Task The_admin_route_issues_a_token_from_the_same_fields_as_json()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await GraphEmulator.StartAsync(new GraphEmulatorOptions { TimeProvider = clock });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var body = new JsonObject
        {
            ["tenantId"] = "tenant-b",
            ["objectId"] = "oid-bob",
            ["scopes"] = new JsonArray("access_as_user"),
            ["roles"] = new JsonArray("Admin"),
            ["clientId"] = "addin-client",
            ["preferredUsername"] = "bob@fabrikam.test",
            ["name"] = "Bob",
            ["signing"] = "RotatedKey",
            ["extraClaims"] = new JsonObject { ["xms_cc"] = new JsonArray("CP1") },
        };

        using var response = await PostJsonAsync(http, "_emulator/api-tokens", body.ToJsonString());
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var token = Text(answer, "access_token");
        var (header, payload) = Decode(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("Bearer", Text(answer, "token_type"));
        Assert.Equal(3600, answer["expires_in"]!.GetValue<int>());
        Assert.Equal(emulator.ApiTokens.RotatedSigningKeyId, Text(header, "kid"));
        Assert.Equal("tenant-b", Text(payload, "tid"));
        Assert.Equal(emulator.ApiTokens.GetIssuer("tenant-b"), Text(payload, "iss"));
        Assert.Equal("oid-bob", Text(payload, "oid"));
        Assert.Equal("addin-client", Text(payload, "azp"));
        Assert.Equal("bob@fabrikam.test", Text(payload, "preferred_username"));
        Assert.Equal("access_as_user", Text(payload, "scp"));
        Assert.Equal(["Admin"], Strings(payload["roles"]));
        Assert.Equal(["CP1"], Strings(payload["xms_cc"]));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), payload["iat"]!.GetValue<long>());

        var parameters = await ParametersFromMetadataAsync(http, emulator.ApiTokens.GetMetadataAddress("tenant-b"));
        parameters.ValidateLifetime = false; // dated by the fake clock
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
        Assert.True(result.IsValid, result.Exception?.Message);

        // Dates are honoured (expires_in counts from the emulator's clock), unknown fields are refused, browsers may call it.
        using var dated = await PostJsonAsync(http, "_emulator/api-tokens", """{"issuedAt":"2026-03-10T08:00:00Z","expiresAt":"2026-03-10T09:30:00Z","signing":"None"}""");
        var datedAnswer = JsonNode.Parse(await dated.Content.ReadAsStringAsync())!;
        Assert.Equal(1800, datedAnswer["expires_in"]!.GetValue<int>());
        Assert.Equal(1773129600, Decode(Text(datedAnswer, "access_token")).Payload["iat"]!.GetValue<long>());
        Assert.EndsWith(".", Text(datedAnswer, "access_token"), StringComparison.Ordinal);
        using var typo = await PostJsonAsync(http, "_emulator/api-tokens", """{"scope":"access_as_user"}""");
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        using var empty = await PostJsonAsync(http, "_emulator/api-tokens", "{}");
        Assert.Equal("access_as_user", Text(Decode(Text(JsonNode.Parse(await empty.Content.ReadAsStringAsync())!, "access_token")).Payload, "scp"));
        using var preflightRequest = new HttpRequestMessage(HttpMethod.Options, "_emulator/api-tokens");
        using var preflight = await http.SendAsync(preflightRequest);
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("POST", preflight.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Equal(5, emulator.Requests.Count(EndpointKind.Admin));
    }

    [Fact]
    public async Task Only_fault_rules_naming_the_metadata_endpoints_hit_them()
    {
        await using var emulator = await GraphEmulator.StartAsync(new GraphEmulatorOptions());
        using var http = new HttpClient();
        emulator.Faults.UseRandom(seed: 1, probability: 1.0, FaultKind.ServiceUnavailable);
        emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Times = 100 });

        using var metadata = await http.GetAsync(emulator.ApiTokens.GetMetadataAddress());
        using var keys = await http.GetAsync(emulator.ApiTokens.GetJwksUri());
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);

        // A metadata outage, as a service starting while Entra is unreachable would see it.
        emulator.Faults.Clear();
        emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Endpoint = EndpointKind.SigningKeys, RetryAfter = "2" });
        using var failed = await http.GetAsync(emulator.ApiTokens.GetJwksUri());
        using var recovered = await http.GetAsync(emulator.ApiTokens.GetJwksUri());
        using var unaffected = await http.GetAsync(emulator.ApiTokens.GetMetadataAddress());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal("2", failed.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
        Assert.Equal(3, emulator.Requests.Count(EndpointKind.SigningKeys));
        Assert.Equal("ServiceUnavailable", emulator.Requests.Snapshot().Single(e => e.Status == 503).Fault);
    }

    /// <summary>Issuer and signing keys the way a validator gets them: the discovery document, then its jwks_uri.</summary>
    private static async Task<TokenValidationParameters> ParametersFromMetadataAsync(HttpClient http, Uri metadataAddress)
    {
        var metadata = JsonNode.Parse(await http.GetStringAsync(metadataAddress))!;
        var keys = new JsonWebKeySet(await http.GetStringAsync(new Uri(Text(metadata, "jwks_uri"))));
        return new TokenValidationParameters
        {
            ValidIssuer = Text(metadata, "issuer"),
            ValidAudience = ApiTokenRequest.DefaultAudience,
            IssuerSigningKeys = keys.GetSigningKeys(),
        };
    }

    /// <summary>What JwtBearer builds from MetadataAddress, with RequireHttpsMetadata = false (the emulator serves http).</summary>
    private static ConfigurationManager<OpenIdConnectConfiguration> ConfigurationManagerFor(HttpClient http, Uri metadataAddress) =>
        new(metadataAddress.ToString(), new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(http) { RequireHttps = false });

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient http, string url, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await http.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private static (JsonObject Header, JsonObject Payload) Decode(string token)
    {
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        return (Parse(parts[0]), Parse(parts[1]));

        static JsonObject Parse(string part) => JsonNode.Parse(Base64Url.DecodeFromChars(part))!.AsObject();
    }

    private static string Text(JsonNode node, string property) => node[property]!.GetValue<string>();

    private static string Text(JsonNode node) => node.GetValue<string>();

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(item => item!.GetValue<string>())];
}
