using System.Security.Claims;

namespace NetworkSync.App.Hosting.Entra;

/// <summary>Reads who the signed-in caller is from an Entra ID access token's claims.</summary>
public static class CallerClaims
{
    private const string ObjectIdType = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const string TenantIdType = "http://schemas.microsoft.com/identity/claims/tenantid";
    private const string ScopeType = "http://schemas.microsoft.com/identity/claims/scope";

    public static string? ObjectId(ClaimsPrincipal user) => user.FindFirst("oid")?.Value ?? user.FindFirst(ObjectIdType)?.Value;

    public static string? TenantId(ClaimsPrincipal user) => user.FindFirst("tid")?.Value ?? user.FindFirst(TenantIdType)?.Value;

    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        (user.FindFirst("scp") ?? user.FindFirst(ScopeType))?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal) == true;
}
