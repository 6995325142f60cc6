using NetworkSync.Sync.Configuration;
using Emulator = NetworkSync.GraphEmulator.GraphEmulator;

namespace NetworkSync.App.Hosting.Demo;

/// <summary>The Graph emulator serving a fixture folder (see <see cref="FixtureSync"/>), for as long as it is not disposed.</summary>
public sealed class FixtureGraph : IAsyncDisposable
{
    private readonly Emulator emulator;

    internal FixtureGraph(Emulator emulator) => this.emulator = emulator;

    /// <summary>Points Graph options at the emulator: its address, its tokens, every mailbox it serves.</summary>
    public void PointAt(GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseUrl = emulator.GraphBaseUrl.ToString();
        options.AuthMode = GraphAuthMode.Emulator;
        options.EmulatorTokenEndpoint = emulator.TokenEndpoint.ToString();
        options.Mailboxes = [];
    }

    public ValueTask DisposeAsync() => emulator.DisposeAsync();
}
