using NetworkSync.App.Jobs;
using NetworkSync.App.Tests.Api;
using NetworkSync.App.Tests.FollowUps;
using NetworkSync.Application;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Context;
using NetworkSync.Application.FollowUps;
using NetworkSync.Application.Privacy;
using NetworkSync.Domain.FollowUps;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Tests.Privacy;

/// <summary>
/// <see cref="HandBuiltNetwork"/> (synced over HTTP from the Graph emulator) with the API's services and a
/// <see cref="PrivacyService"/> wired as the service wires them, sharing one set of caches, deleting To Do
/// tasks through the Graph connection of the mailbox's sync coordinator and under its per-mailbox lock
/// (as the service's shares its one coordinator), and recording recurring-job changes.
/// </summary>
internal sealed class PrivacyHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private PrivacyHarness(FollowUpMailbox mailbox, int retentionDays)
    {
        Mailbox = mailbox;
        services = TestCore.Build(mailbox.Database, mailbox.Clock, new RunMode(Demo: true), test =>
        {
            test.AddSingleton(new PrivacyOptions { RetentionDays = retentionDays });
            test.AddSingleton(mailbox.Coordinator);
            test.AddSingleton(new PrivacyGraph(() => mailbox.Coordinator.Connection));
            test.AddSingleton<IJobScheduler>(new HangfireJobScheduler(Jobs, new RecordingJobClient()));
        });
        Scorer = services.GetRequiredService<ContactListingService>();
        Scores = services.GetRequiredService<ContactScoreCache>();
        Indexes = services.GetRequiredService<PersonIndexCache>();
        FollowUps = services.GetRequiredService<ActiveFollowUpCache>();
        Contexts = services.GetRequiredService<PersonContextService>();
        Listing = services.GetRequiredService<ContactListQuery>();
        Runner = services.GetRequiredService<FollowUpRunner>();
        Privacy = services.GetRequiredService<PrivacyService>();
    }

    public FollowUpMailbox Mailbox { get; }

    public NetworkSyncDatabase Database => Mailbox.Database;

    public ContactListingService Scorer { get; }

    public ContactScoreCache Scores { get; }

    public PersonIndexCache Indexes { get; }

    public ActiveFollowUpCache FollowUps { get; }

    public PersonContextService Contexts { get; }

    public ContactListQuery Listing { get; }

    public FollowUpRunner Runner { get; }

    public RecordingRecurringJobs Jobs { get; } = new();

    public PrivacyService Privacy { get; }

    /// <summary>Starts the hand-built network; <paramref name="addToGraph"/> adds to the emulator before a second sync.</summary>
    public static Task<PrivacyHarness> StartAsync(int retentionDays = 1095, Action<FollowUpMailbox>? addToGraph = null) =>
        StartAsync(StorageProvider.Sqlite, retentionDays, addToGraph);

    /// <summary>As <see cref="StartAsync(int, Action{FollowUpMailbox}?)"/>, on a new database of <paramref name="provider"/>.</summary>
    public static async Task<PrivacyHarness> StartAsync(StorageProvider provider, int retentionDays = 1095, Action<FollowUpMailbox>? addToGraph = null)
    {
        var mailbox = await HandBuiltNetwork.StartAsync(provider);
        if (addToGraph is not null)
        {
            addToGraph(mailbox);
            await mailbox.SyncMetadataAsync();
        }

        return new PrivacyHarness(mailbox, retentionDays);
    }

    public async Task<MailboxRow> MailboxRowAsync(string id = FollowUpMailbox.UserId) =>
        (await new MailboxStore(Database).FindMailboxAsync(id, CancellationToken.None))!;

    /// <summary>A follow-up written by hand at the clock's "now", as the API's POST stores it.</summary>
    public async Task<FollowUpRecord> AddManualFollowUpAsync(string title, params string[] contacts)
    {
        var now = Mailbox.Clock.Now;
        var record = FollowUpLifecycle.CreateManual(FollowUpMailbox.UserId, Guid.NewGuid(), contacts, title, now.AddDays(2), now);
        await Runner.AddAsync(FollowUpMailbox.UserId, record, now, CancellationToken.None);
        return record;
    }

    public async Task<IReadOnlyList<string>> ContactAddressesAsync()
    {
        var page = await Listing.ListAsync(await MailboxRowAsync(), ContactListFilter.Warmest, null, 0, 200, CancellationToken.None);
        return page.Items.Select(i => i.Address).ToList();
    }

    /// <summary>Rows of <paramref name="table"/> belonging to the mailbox, read on a connection of the test's own.</summary>
    public long CountRows(string table, string column, string mailboxId, string? where = null)
    {
        using var connection = Database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {column} = @m{(where is null ? string.Empty : " AND " + where)};";
        command.AddParameter("@m", mailboxId);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Mailbox.DisposeAsync();
    }
}
