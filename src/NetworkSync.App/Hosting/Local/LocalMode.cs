using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace NetworkSync.App.Hosting.Local;

/// <summary>
/// Local mode (until Entra ID sign-in is configured): loopback only, one key per install, and requests
/// must name a loopback host, so a rebinding DNS name cannot reach the pages or the API.
/// </summary>
public static class LocalMode
{
    /// <summary>Refuses non-loopback addresses before anything listens; sets AllowedHosts to loopback names.</summary>
    public static void RequireLoopback(IEnumerable<string> configuredUrls, IDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var nonLoopback = LoopbackAddresses.NonLoopback(configuredUrls);
        if (nonLoopback.Count > 0)
        {
            throw new ExpectedFailureException($"local mode listens on loopback only, refusing to listen on {string.Join(", ", nonLoopback)} (use --urls http://127.0.0.1:<port>, or configure Entra ID sign-in: docs/security.md)");
        }

        overrides["AllowedHosts"] = string.Join(';', LoopbackAddresses.AllowedHosts);
    }

    /// <summary>
    /// The printed sign-in URL, the session cookie, a paired pane's code or the install's key sign the caller
    /// in. Returns the pages' meta tags: none, since no page may carry a credential.
    /// </summary>
    public static Dictionary<string, string> Configure(IServiceCollection services, LocalSignIn signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        services.AddSingleton(signIn);
        services.AddAuthentication(LocalKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, LocalKeyAuthenticationHandler>(LocalKeyAuthenticationHandler.SchemeName, null);

        // Every endpoint needs the caller signed in unless it says otherwise (health, OpenAPI, the pages, Graph's webhook).
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return [];
    }
}
