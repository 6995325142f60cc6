using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// The Microsoft identity platform's OpenID Connect discovery document
/// (<c>GET /{tenant}/v2.0/.well-known/openid-configuration</c>) and its keys
/// (<c>GET /{tenant}/discovery/v2.0/keys</c>), for the API tokens of <see cref="ApiTokenIssuer"/>.
/// A tenant path gets its own issuer, <c>{base}/{tenant}/v2.0</c>; <c>common</c> and <c>organizations</c>
/// announce <c>{base}/{tenantid}/v2.0</c> with the literal placeholder, as Entra does for multi-tenant apps.
/// Every URL is on the emulator's base address, whatever host the client used, so that the issuer is the
/// one the tokens carry.
/// </summary>
internal sealed class IdentityMetadataEndpoint(ApiTokenIssuer issuer)
{
    private const string ContentType = "application/json; charset=utf-8";

    public GraphResponse Handle(GraphCall call)
    {
        if (!HttpMethods.IsGet(call.Http.Request.Method))
        {
            return GraphResponse.Json(405, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("error", "invalid_request");
                writer.WriteString("error_description", "AADSTS900561: The endpoint only accepts GET requests.");
                writer.WriteEndObject();
            }, contentType: ContentType).WithHeader("Allow", "GET");
        }

        var tenant = issuer.CanonicalTenant(call.Route.Segments[0]);
        var response = call.Route.Endpoint == EndpointKind.SigningKeys
            ? GraphResponse.Json(200, writer => WriteKeys(writer, tenant), contentType: ContentType)
            : GraphResponse.Json(200, writer => WriteConfiguration(writer, tenant), contentType: ContentType);

        // As Entra: browsers (SPAs, the add-in) may read both, and clients may cache them for a day.
        return response.WithHeader("Access-Control-Allow-Origin", "*").WithHeader("Cache-Control", "max-age=86400, private");
    }

    private void WriteKeys(Utf8JsonWriter writer, string tenant)
    {
        var keyIssuer = issuer.MetadataIssuer(tenant);
        writer.WriteStartObject();
        writer.WriteStartArray("keys");
        foreach (var key in issuer.PublishedKeys)
        {
            key.WriteJwk(writer, keyIssuer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The fields of Entra's v2.0 discovery document, in its order; the authorize and logout endpoints are announced but not served.</summary>
    private void WriteConfiguration(Utf8JsonWriter writer, string tenant)
    {
        var origin = issuer.Instance.TrimEnd('/');
        var endpoints = $"{origin}/{tenant}/oauth2/v2.0";
        writer.WriteStartObject();
        writer.WriteString("token_endpoint", $"{endpoints}/token");
        WriteArray(writer, "token_endpoint_auth_methods_supported", "client_secret_post", "private_key_jwt", "client_secret_basic");
        writer.WriteString("jwks_uri", $"{origin}/{tenant}/discovery/v2.0/keys");
        WriteArray(writer, "response_modes_supported", "query", "fragment", "form_post");
        WriteArray(writer, "subject_types_supported", "pairwise");
        WriteArray(writer, "id_token_signing_alg_values_supported", "RS256");
        WriteArray(writer, "response_types_supported", "code", "id_token", "code id_token", "id_token token");
        WriteArray(writer, "scopes_supported", "openid", "profile", "email", "offline_access");
        writer.WriteString("issuer", issuer.MetadataIssuer(tenant));
        writer.WriteBoolean("request_uri_parameter_supported", false);
        writer.WriteString("authorization_endpoint", $"{endpoints}/authorize");
        writer.WriteBoolean("http_logout_supported", true);
        writer.WriteBoolean("frontchannel_logout_supported", true);
        writer.WriteString("end_session_endpoint", $"{endpoints}/logout");
        WriteArray(writer, "claims_supported",
            "sub", "iss", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email");
        writer.WriteNull("tenant_region_scope");
        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, params string[] values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
