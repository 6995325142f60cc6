using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using NetworkSync.App.Cli;

namespace NetworkSync.App.Hosting.Local;

/// <summary>
/// Local mode (until Entra ID sign-in is configured): loopback only, one key per install, and requests
/// must name a loopback host, so a rebinding DNS name cannot reach the pages or the key.
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

    /// <summary>The install's key signs the caller in; the pages carry it. Returns the pages' meta tags.</summary>
    public static Dictionary<string, string> Configure(IServiceCollection services, LocalApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        services.AddSingleton(key);
        services.AddAuthentication(LocalKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, LocalKeyAuthenticationHandler>(LocalKeyAuthenticationHandler.SchemeName, null);

        // Every endpoint needs the caller signed in unless it says otherwise (health, OpenAPI, the pages, Graph's webhook).
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return new Dictionary<string, string> { ["networksync-key"] = key.Value };
    }
}
