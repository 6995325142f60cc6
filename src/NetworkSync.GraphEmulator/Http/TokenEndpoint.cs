using Microsoft.AspNetCore.Http;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// The Microsoft identity platform token endpoint, reduced to what the product uses:
/// client_credentials (app-only) and password (delegated, for /me). Errors use the identity
/// platform's own shape ({"error","error_description"}), not Graph's.
/// </summary>
internal sealed class TokenEndpoint(AccessTokens tokens, EmulatorTenant tenant, string tenantId, string? requiredSecret)
{
    private const string GraphDefaultScope = "https://graph.microsoft.com/.default";

    public async Task<GraphResponse> HandleAsync(GraphCall call)
    {
        var request = call.Http.Request;
        var pathTenant = call.Route.Segments[0];
        if (!pathTenant.Equals(tenantId, StringComparison.OrdinalIgnoreCase)
            && !pathTenant.Equals("common", StringComparison.OrdinalIgnoreCase)
            && !pathTenant.Equals("organizations", StringComparison.OrdinalIgnoreCase))
        {
            return Error(400, "invalid_request", $"AADSTS90002: Tenant '{pathTenant}' not found.");
        }

        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return Error(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
        }

        var form = await request.ReadFormAsync(call.Http.RequestAborted).ConfigureAwait(false);
        var grantType = form["grant_type"].ToString();
        var clientId = form["client_id"].ToString();
        if (string.IsNullOrEmpty(clientId))
        {
            return Error(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
        }

        var secret = form["client_secret"].ToString();
        if ((grantType == "client_credentials" && string.IsNullOrEmpty(secret)) || (requiredSecret is not null && !SecretMatches(secret, requiredSecret)))
        {
            return Error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
        }

        string? userId;
        switch (grantType)
        {
            case "client_credentials":
                if (!form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(GraphDefaultScope, StringComparer.OrdinalIgnoreCase))
                {
                    return Error(400, "invalid_scope", $"AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier: {GraphDefaultScope}.");
                }

                userId = null;
                break;
            case "password":
                userId = tenant.ResolveUserId(form["username"].ToString());
                if (userId is null)
                {
                    return Error(400, "invalid_grant", "AADSTS50034: The user account does not exist in this directory.");
                }

                break;
            default:
                return Error(400, "unsupported_grant_type", $"AADSTS70003: The app requested an unsupported grant type '{grantType}'.");
        }

        var accessToken = tokens.Issue(userId, clientId);
        var expiresIn = Math.Max(0, (int)tokens.Lifetime.TotalSeconds - 1);
        return GraphResponse.Json(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("token_type", "Bearer");
            writer.WriteNumber("expires_in", expiresIn);
            writer.WriteNumber("ext_expires_in", expiresIn);
            writer.WriteString("access_token", accessToken);
            writer.WriteEndObject();
        }, contentType: "application/json; charset=utf-8");
    }

    private static bool SecretMatches(string given, string required) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(required));

    private static GraphResponse Error(int status, string error, string description) =>
        GraphResponse.Json(status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", error);
            writer.WriteString("error_description", description);
            writer.WriteEndObject();
        }, contentType: "application/json; charset=utf-8");
}
