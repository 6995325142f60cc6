using NetworkSync.App.Api;
using NetworkSync.App.Features;
using NetworkSync.App.Features.Contacts;
using NetworkSync.App.Features.Context;
using NetworkSync.App.Features.FollowUps;
using NetworkSync.Domain.FollowUps;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Tests.Api;

/// <summary>The caller-scoped API's services over one database, wired as NetworkApi.AddNetworkApi wires them in the service.</summary>
internal sealed class NetworkApiServices : IDisposable
{
    private readonly KeyedLocks locks = new();

    public NetworkApiServices(SqliteDatabase database, TimeProvider time, RelationshipOptions? relationships = null)
    {
        Database = database;
        Time = time;
        Scorer = new ContactListingService(database, relationships ?? new RelationshipOptions());
        Scores = new ContactScoreCache(database, Scorer);
        Indexes = new PersonIndexCache(Scores);
        Contexts = new PersonContextService(Indexes, new ActiveFollowUpCache(new FollowUpQuery(database)), time);
        Listing = new ContactListQuery(Indexes, time);
        History = new ContactHistoryService(Indexes, Scorer, time);
        Settings = new UserSettingsService(database, Scorer, Scores, new FollowUpServiceOptions(), new RunMode(Demo: true), time);
        Runner = new FollowUpRunner(database, Scores, new FollowUpServiceOptions(), locks);
    }

    public SqliteDatabase Database { get; }

    public TimeProvider Time { get; }

    public ContactListingService Scorer { get; }

    public ContactScoreCache Scores { get; }

    public PersonIndexCache Indexes { get; }

    public PersonContextService Contexts { get; }

    public ContactListQuery Listing { get; }

    public ContactHistoryService History { get; }

    public UserSettingsService Settings { get; }

    public FollowUpRunner Runner { get; }

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

    public void Dispose() => locks.Dispose();
}
