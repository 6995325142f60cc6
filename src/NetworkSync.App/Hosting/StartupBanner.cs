using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NetworkSync.App.Api;
using NetworkSync.App.Hosting.Entra;
using NetworkSync.App.Hosting.Local;

namespace NetworkSync.App.Hosting;

/// <summary>
/// What `serve` says once it listens: how callers sign in (stderr), and the URL to open (stdout, alone,
/// for scripts that start the service). Local mode also stops here if the server bound a non-loopback
/// address after all (a Kestrel endpoint the up-front check could not see).
/// </summary>
public static class StartupBanner
{
    public static void Register(WebApplication app, LocalApiKey? localKey, EntraOptions entra, bool demo)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(entra);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (localKey is not null && LoopbackAddresses.NonLoopback(addresses) is { Count: > 0 } bound)
            {
                Console.Error.WriteLine($"networksync: local mode listens on loopback only, but the server bound {string.Join(", ", bound)}; stopping");
                Environment.ExitCode = 1;
                app.Lifetime.StopApplication();
                return;
            }

            var url = addresses.FirstOrDefault() ?? "http://127.0.0.1:5000";
            Console.Error.WriteLine(localKey is not null
                ? $"Local mode: listening on loopback only. API calls need this install's key ({localKey.Source}); the dashboard and add-in pages served here carry it."
                : $"Entra ID sign-in: API calls need an access token for {entra.FullScope} from {entra.Authority}.");
            var bundle = app.Services.GetRequiredService<AddinBundle>();
            if (!bundle.IsBuilt)
            {
                Console.Error.WriteLine($"The add-in and dashboard are not built ({bundle.DistFolder} is missing): cd addin && npm ci && npm run build");
            }

            Console.Out.WriteLine(demo ? $"NetworkSync (demo mode) is running: open {url}/" : $"NetworkSync is running: open {url}/");
            Console.Out.Flush();
        });
    }
}
