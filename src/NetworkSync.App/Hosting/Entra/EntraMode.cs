namespace NetworkSync.App.Hosting.Entra;

/// <summary>Entra ID sign-in: bearer tokens for the API; CORS for the add-in's own origins only.</summary>
public static class EntraMode
{
    /// <summary>Returns the pages' meta tags (what the add-in needs to sign in).</summary>
    public static Dictionary<string, string> Configure(IServiceCollection services, IConfiguration configuration, EntraOptions entra)
    {
        ArgumentNullException.ThrowIfNull(entra);
        EntraSignIn.Configure(services, configuration, entra);
        services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins([.. entra.AllowedOrigins])
            .WithHeaders("Authorization", "Content-Type")
            .WithMethods("GET", "POST", "PUT", "DELETE")));
        return new Dictionary<string, string>
        {
            ["networksync-auth"] = "entra",
            ["networksync-client-id"] = entra.ClientId,
            ["networksync-scope"] = entra.FullScope,
            ["networksync-authority"] = entra.Authority,
        };
    }
}
