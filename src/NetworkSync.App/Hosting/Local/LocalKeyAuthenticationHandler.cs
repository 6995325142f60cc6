using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace NetworkSync.App.Hosting.Local;

/// <summary>
/// Local mode's authentication: a request is the local user when it carries the install's key or a
/// paired task pane's code (header <see cref="LocalApiKey.HeaderName"/>), or the session cookie that the
/// printed sign-in URL set, from one of this service's own pages. Anything else gets a 401 Problem
/// Details that says how to sign in (never a credential).
/// </summary>
public sealed class LocalKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    LocalApiKey key,
    LocalSignIn signIn) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LocalKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.TryGetValue(LocalApiKey.HeaderName, out var values))
        {
            return Task.FromResult(values.Count == 1 && (key.Matches(values[0]) || signIn.PairingCodeMatches(values[0]))
                ? Success()
                : AuthenticateResult.Fail("The local API key does not match."));
        }

        if (Request.Cookies.TryGetValue(LocalSignIn.CookieName, out var session))
        {
            if (!signIn.IsSession(session))
            {
                return Task.FromResult(AuthenticateResult.Fail("The session is not one of this run's."));
            }

            return Task.FromResult(SameOriginRequests.IsSameOrigin(Request)
                ? Success()
                : AuthenticateResult.Fail("A cross-origin request carried the session cookie."));
        }

        return Task.FromResult(AuthenticateResult.NoResult());
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Not signed in",
            detail: "This NetworkSync runs in local mode: open the sign-in URL it printed when it started (the dashboard then calls the API for you), pair the Outlook task pane with the code the dashboard shows, or send the install's key (data/local-api-key) in the "
                + $"{LocalApiKey.HeaderName} header.")
            .ExecuteAsync(Context).ConfigureAwait(false);
    }

    private static AuthenticateResult Success()
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "local user")], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
