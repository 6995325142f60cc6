using NetworkSync.App.Tests.FollowUps;
using NetworkSync.Domain.FollowUps;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Tests.Api;

/// <summary>
/// <see cref="HandBuiltNetwork"/> synced once for a test class that only reads, with the API's services
/// and a few follow-ups: open for Ana, done for Ana (never shown), snoozed for Ben, open for Erin's old address.
/// </summary>
public sealed class HandBuiltFixture : IAsyncLifetime
{
    private FollowUpMailbox mailbox = null!;

    internal NetworkApiServices Services { get; private set; } = null!;

    internal MailboxRow Mailbox { get; private set; } = null!;

    internal FollowUpRecord AnaOpen { get; private set; } = null!;

    internal FollowUpRecord AnaDone { get; private set; } = null!;

    internal FollowUpRecord BenSnoozed { get; private set; } = null!;

    internal FollowUpRecord ErinOpen { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        mailbox = await HandBuiltNetwork.StartAsync();
        Services = new NetworkApiServices(mailbox.Database, mailbox.Clock);
        Mailbox = await Services.MailboxAsync();
        var now = HandBuiltNetwork.Now;
        AnaOpen = await Services.AddManualFollowUpAsync(Mailbox, "Send Ana the deck", HandBuiltNetwork.Ana);
        AnaDone = await Services.AddManualFollowUpAsync(Mailbox, "Thank Ana", HandBuiltNetwork.Ana);
        await Services.Runner.ChangeAsync(Mailbox.Id, AnaDone.Id, r => FollowUpLifecycle.Complete(r, now), now, CancellationToken.None);
        BenSnoozed = await Services.AddManualFollowUpAsync(Mailbox, "Chase Ben's contract", HandBuiltNetwork.Ben);
        await Services.Runner.ChangeAsync(Mailbox.Id, BenSnoozed.Id, r => FollowUpLifecycle.Snooze(r, now, now.AddDays(3)), now, CancellationToken.None);
        ErinOpen = await Services.AddManualFollowUpAsync(Mailbox, "Congratulate Erin", HandBuiltNetwork.ErinOld);
    }

    public async Task DisposeAsync()
    {
        Services.Dispose();
        await mailbox.DisposeAsync();
    }
}
