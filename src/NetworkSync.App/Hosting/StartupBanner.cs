using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NetworkSync.App.Api;
using NetworkSync.App.Hosting.Entra;
using NetworkSync.App.Hosting.Local;
using NetworkSync.Storage;

namespace NetworkSync.App.Hosting;

/// <summary>
/// What `serve` says once it listens: how callers sign in (stderr), and the URL to open (stdout, alone,
/// for scripts that start the service; in local mode it carries this run's sign-in token). Local mode also stops here if the server bound a non-loopback
/// address after all (a Kestrel endpoint the up-front check could not see).
/// </summary>
public static class StartupBanner
{
    public static void Register(WebApplication app, LocalSignIn? localSignIn, EntraOptions entra, bool demo, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(entra);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (localSignIn is not null && LoopbackAddresses.NonLoopback(addresses) is { Count: > 0 } bound)
            {
                Console.Error.WriteLine($"networksync: local mode listens on loopback only, but the server bound {string.Join(", ", bound)}; stopping");
                Environment.ExitCode = 1;
                app.Lifetime.StopApplication();
                return;
            }

            var url = addresses.FirstOrDefault() ?? "http://127.0.0.1:5000";
            // The data folder is where the app is (or the repository when run from source), wherever --db points.
            var database = app.Services.GetRequiredService<NetworkSyncDatabase>().Location;
            Console.Error.WriteLine($"Data folder (keys, token cache, local key; owner-only): {dataFolder}. Database: {database}.");
            var key = app.Services.GetService<LocalApiKey>();
            Console.Error.WriteLine(localSignIn is not null && key is not null
                ? $"Local mode: listening on loopback only. Open the URL below to sign this browser in (it works until the service stops); the dashboard shows the code that pairs the Outlook task pane. Scripts send the install's key ({key.Source}) in {LocalApiKey.HeaderName}."
                : $"Entra ID sign-in: API calls need an access token for {entra.FullScope} from {entra.Authority}.");
            var bundle = app.Services.GetRequiredService<AddinBundle>();
            if (!bundle.IsBuilt)
            {
                Console.Error.WriteLine($"The add-in and dashboard are not built ({bundle.DistFolder} is missing): cd addin && npm ci && npm run build");
            }

            // The sign-in token goes to the console only: whoever reads it is the user who started the service.
            var open = localSignIn is not null ? $"{url}/?{LocalSignIn.TokenParameter}={localSignIn.Token}" : $"{url}/";
            Console.Out.WriteLine(demo ? $"NetworkSync (demo mode) is running: open {open}" : $"NetworkSync is running: open {open}");
            Console.Out.Flush();
        });
    }
}
