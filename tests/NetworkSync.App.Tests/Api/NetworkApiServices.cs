using NetworkSync.App.Api;
using NetworkSync.Application;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Context;
using NetworkSync.Application.FollowUps;
using NetworkSync.Application.Network;
using NetworkSync.Application.Settings;
using NetworkSync.Domain.FollowUps;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Tests.Api;

/// <summary>The caller-scoped API's services over one database, from the service's composition root (<see cref="TestCore"/>).</summary>
internal sealed class NetworkApiServices : IDisposable
{
    private readonly ServiceProvider services;

    public NetworkApiServices(NetworkSyncDatabase database, TimeProvider time, RelationshipOptions? relationships = null)
    {
        Database = database;
        Time = time;
        services = TestCore.Build(database, time, new RunMode(Demo: true), test =>
        {
            if (relationships is not null)
            {
                test.AddSingleton(relationships);
            }
        });
        Scorer = services.GetRequiredService<ContactListingService>();
        Scores = services.GetRequiredService<ContactScoreCache>();
        Indexes = services.GetRequiredService<PersonIndexCache>();
        Contexts = services.GetRequiredService<PersonContextService>();
        Listing = services.GetRequiredService<ContactListQuery>();
        History = services.GetRequiredService<ContactHistoryService>();
        Settings = services.GetRequiredService<UserSettingsService>();
        Runner = services.GetRequiredService<FollowUpRunner>();
        Overview = services.GetRequiredService<NetworkOverviewService>();
    }

    public NetworkSyncDatabase Database { get; }

    public TimeProvider Time { get; }

    public ContactListingService Scorer { get; }

    public ContactScoreCache Scores { get; }

    public PersonIndexCache Indexes { get; }

    public PersonContextService Contexts { get; }

    public ContactListQuery Listing { get; }

    public ContactHistoryService History { get; }

    public UserSettingsService Settings { get; }

    public FollowUpRunner Runner { get; }

    public NetworkOverviewService Overview { get; }

    public async Task<MailboxRow> MailboxAsync() =>
        (await new MailboxStore(Database).ListMailboxesAsync(CancellationToken.None)).Single();

    /// <summary>A follow-up written by hand for <paramref name="contacts"/>, stored as the API's POST stores it.</summary>
    public async Task<FollowUpRecord> AddManualFollowUpAsync(MailboxRow mailbox, string title, params string[] contacts)
    {
        var now = Time.GetUtcNow();
        var record = FollowUpLifecycle.CreateManual(mailbox.Id, Guid.NewGuid(), contacts, title, now.AddDays(2), now);
        await Runner.AddAsync(mailbox.Id, record, now, CancellationToken.None);
        return record;
    }

    /// <summary>Mutes or marks an address as the API's PUT does: stored, then the scores forgotten.</summary>
    public async Task OverrideAsync(MailboxRow mailbox, string address, string kind)
    {
        await new ContactOverrideStore(Database).SetAsync(new ContactOverrideRow { MailboxId = mailbox.Id, Address = address, Kind = kind }, CancellationToken.None);
        Scores.Invalidate(mailbox.Id);
    }

    public void Dispose() => services.Dispose();
}
