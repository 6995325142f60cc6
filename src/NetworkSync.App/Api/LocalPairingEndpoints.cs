using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.App.Hosting.Local;

namespace NetworkSync.App.Api;

/// <summary>
/// Local mode only: the code that pairs the Outlook task pane (a browser that never sees the dashboard's
/// session cookie). Shown only to a signed-in caller; the pane keeps it in its roaming settings.
/// </summary>
public static class LocalPairingEndpoints
{
    public static void MapLocalPairing(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/local/pairing-code", GetPairingCode)
            .WithName("GetPairingCode")
            .WithTags("Local mode")
            .WithSummary("The code to enter once in the Outlook task pane (local mode); it then sends it in X-NetworkSync-Key.");

    public static Ok<PairingCodeView> GetPairingCode(LocalSignIn signIn, HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new PairingCodeView(signIn.PairingCode));
    }
}
