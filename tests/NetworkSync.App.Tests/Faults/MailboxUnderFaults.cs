using NetworkSync.App.Tests.Storage;

namespace NetworkSync.App.Tests.Faults;

/// <summary>
/// One generated mailbox and its clean sync, shared by the tests of a class: generating and syncing it cleanly is
/// the slow part, and every scenario compares against the same clean state.
/// </summary>
public sealed class MailboxUnderFaults : IAsyncLifetime
{
    /// <summary>The default size: the 20,000 did not fit the suite's time budget (docs/faults.md).</summary>
    public const int DefaultMessages = 5000;

    private FaultMailbox? mailbox;
    private string? clean;

    internal FaultMailbox Mailbox => mailbox ?? throw new InvalidOperationException("not started");

    public string Clean => clean ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        if (SharedPostgres.SkipReason is not null)
        {
            return; // the tests skip themselves
        }

        mailbox = await FaultMailbox.StartAsync(FaultMailbox.ConfiguredMessages(DefaultMessages));
        clean = await mailbox.CleanSyncAsync();
    }

    public async Task DisposeAsync()
    {
        if (mailbox is not null)
        {
            await mailbox.DisposeAsync();
        }
    }
}
