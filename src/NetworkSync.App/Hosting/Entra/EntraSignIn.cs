using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;

namespace NetworkSync.App.Hosting.Entra;

/// <summary>
/// Entra ID sign-in for the API: v2 JWT bearer tokens validated by Microsoft.Identity.Web (signature
/// from the tenant's published keys, issuer, audience = the API, lifetime), then the required scope and,
/// for a multi-tenant API, the tenant allow-list. Tokens are never logged.
/// </summary>
public static class EntraSignIn
{
    public static void Configure(IServiceCollection services, IConfiguration configuration, EntraOptions options)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApi(configuration.GetSection(EntraOptions.SectionName), JwtBearerDefaults.AuthenticationScheme);

        var allowed = options.AllowedTenants.Count > 0 ? options.AllowedTenants.ToHashSet(StringComparer.OrdinalIgnoreCase) : null;
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            jwt.MapInboundClaims = false;
            var validated = jwt.Events.OnTokenValidated;
            jwt.Events.OnTokenValidated = async context =>
            {
                await validated(context).ConfigureAwait(false);
                if (context.Principal is { } user && allowed is not null && (CallerClaims.TenantId(user) is not { } tenant || !allowed.Contains(tenant)))
                {
                    context.Fail("The caller's tenant is not allowed.");
                }
            };
        });

        var scope = options.Scope;
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => CallerClaims.HasScope(context.User, scope) && CallerClaims.ObjectId(context.User) is not null)
            .Build());
    }
}
