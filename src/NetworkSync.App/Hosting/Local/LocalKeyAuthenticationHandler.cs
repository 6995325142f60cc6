using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace NetworkSync.App.Hosting.Local;

/// <summary>
/// Local mode's authentication: a request is the local user when it carries the install's key. Anything
/// else gets a 401 Problem Details that says what is missing (never the key itself).
/// </summary>
public sealed class LocalKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    LocalApiKey key) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LocalKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(LocalApiKey.HeaderName, out var values))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count != 1 || !key.Matches(values[0]))
        {
            return Task.FromResult(AuthenticateResult.Fail("The local API key does not match."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "local user")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Not signed in",
            detail: $"This NetworkSync runs in local mode: API calls must carry the {LocalApiKey.HeaderName} header that the pages it serves (the dashboard and the add-in) carry.")
            .ExecuteAsync(Context).ConfigureAwait(false);
    }
}
