using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.App.Hosting.Local;
using NetworkSync.Domain.Sync;

namespace NetworkSync.App.Api;

/// <summary>/api/me: who the caller is to NetworkSync, so the pages can greet them and align their clock.</summary>
public static class MeEndpoints
{
    public static void MapMe(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/me").WithTags("Me").RequireCallerMailbox()
            .MapGet("/", GetMe)
            .WithName("GetMe")
            .WithSummary("The caller's mailbox, the authentication mode and the server's clock.");
    }

    public static Ok<MeView> GetMe(ClaimsPrincipal user, Caller caller, [AsParameters] MeServices services)
    {
        var mailbox = caller.Mailbox;

        // Local mode signs the caller in by the install's key (scheme LocalKey); any other scheme that
        // vouched for the caller is Entra ID's.
        var mode = user.Identity is { IsAuthenticated: true, AuthenticationType: { } scheme } && scheme != LocalKeyAuthenticationHandler.SchemeName ? "entra" : "local";
        var problem = mailbox.LastFailureKind is { } kind ? SyncFailureAdvice.WhatToDo(SyncFailureKindNames.FromWire(kind)) : null;
        return TypedResults.Ok(new MeView(new MeMailbox(mailbox.Id, mailbox.Mail, mailbox.DisplayName), mode, services.Time.GetUtcNow(), services.Missing.For(mailbox.Id), problem));
    }
}
