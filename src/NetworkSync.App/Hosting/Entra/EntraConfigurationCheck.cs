using NetworkSync.App.Hosting.Local;

namespace NetworkSync.App.Hosting.Entra;

/// <summary>
/// An Entra ID configuration that cannot work (no Instance, an http:// authority, no tenant) would
/// start and then answer 500 to every call: refuse to start instead, saying what to fix.
/// </summary>
public static class EntraConfigurationCheck
{
    /// <summary>What is wrong with the configuration; empty when it can work.</summary>
    public static IReadOnlyList<string> Problems(EntraOptions entra, bool requireHttpsMetadata)
    {
        ArgumentNullException.ThrowIfNull(entra);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(entra.Instance) || !Uri.TryCreate(entra.Instance, UriKind.Absolute, out var instance))
        {
            problems.Add("AzureAd:Instance must be the sign-in authority's absolute URL (https://login.microsoftonline.com/)");
        }
        else if (instance.Scheme != Uri.UriSchemeHttps && !(instance.Scheme == Uri.UriSchemeHttp && !requireHttpsMetadata && LoopbackAddresses.IsLoopback(entra.Instance)))
        {
            problems.Add($"AzureAd:Instance must use https ({instance.GetLeftPart(UriPartial.Authority)} does not): tokens are validated against keys fetched from it");
        }

        if (string.IsNullOrWhiteSpace(entra.TenantId))
        {
            problems.Add("AzureAd:TenantId is missing (a tenant id, or \"organizations\" with AzureAd:AllowedTenants)");
        }

        return problems;
    }

    /// <summary>Stops the start with every problem at once, as an expected failure (exit 1, no stack trace).</summary>
    public static void EnsureValid(EntraOptions entra, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var requireHttps = !string.Equals(configuration["AzureAd:RequireHttpsMetadata"], "false", StringComparison.OrdinalIgnoreCase);
        if (Problems(entra, requireHttps) is { Count: > 0 } problems)
        {
            throw new ExpectedFailureException($"Entra ID sign-in is configured (AzureAd:ClientId) but cannot work: {string.Join("; ", problems)}. See docs/security.md.");
        }
    }
}
