using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using NetworkSync.Sync.Configuration;

namespace NetworkSync.Sync.Authentication;

/// <summary>Builds the Azure.Identity credential the configuration asks for, with a clear error when something is missing.</summary>
public static class CredentialFactory
{
    /// <param name="tokenCache">Where delegated tokens persist (encrypted); null keeps them in memory only.</param>
    public static TokenCredential Create(GraphOptions options, TimeProvider time, Action<string>? showDeviceCode = null, TokenCachePersistenceOptions? tokenCache = null)
    {
        switch (options.AuthMode)
        {
            case GraphAuthMode.Emulator:
                var endpoint = Require(options.EmulatorTokenEndpoint, "Graph:EmulatorTokenEndpoint");
                return new EmulatorTokenCredential(
                    new Uri(endpoint),
                    string.IsNullOrWhiteSpace(options.ClientId) ? "networksync-demo" : options.ClientId,
                    string.IsNullOrWhiteSpace(options.ClientSecret) ? "demo-secret" : options.ClientSecret,
                    time);
            case GraphAuthMode.ClientSecret:
                return new ClientSecretCredential(
                    Require(options.TenantId, "Graph:TenantId"),
                    Require(options.ClientId, "Graph:ClientId"),
                    Require(options.ClientSecret, "Graph:ClientSecret (set it with the environment variable Graph__ClientSecret or dotnet user-secrets)"));
            case GraphAuthMode.Certificate:
                return new ClientCertificateCredential(
                    Require(options.TenantId, "Graph:TenantId"),
                    Require(options.ClientId, "Graph:ClientId"),
                    LoadCertificate(options));
            case GraphAuthMode.DeviceCode:
                return new DeviceCodeCredential(new DeviceCodeCredentialOptions
                {
                    TenantId = Require(options.TenantId, "Graph:TenantId"),
                    ClientId = Require(options.ClientId, "Graph:ClientId"),
                    TokenCachePersistenceOptions = tokenCache,
                    DeviceCodeCallback = (code, _) =>
                    {
                        showDeviceCode?.Invoke(code.Message);
                        return Task.CompletedTask;
                    },
                });
            default:
                throw new InvalidOperationException($"Unknown Graph:AuthMode '{options.AuthMode}'.");
        }
    }

    private static X509Certificate2 LoadCertificate(GraphOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
        }

        var thumbprint = Require(options.CertificateThumbprint, "Graph:CertificatePath or Graph:CertificateThumbprint");
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadOnly);
        var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
        return found.Count > 0 ? found[0] : throw new InvalidOperationException($"No certificate with thumbprint {thumbprint} in the current user's store.");
    }

    private static string Require(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"Missing configuration: {name}.") : value;
}
