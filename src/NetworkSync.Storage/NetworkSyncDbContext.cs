using Microsoft.EntityFrameworkCore;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage;

/// <summary>
/// The schema, owned by EF Core migrations. Hot paths (bulk upserts, full reads) go through
/// <see cref="MetadataWriter"/> and <see cref="MetadataReader"/> with plain SQL on the same tables.
/// </summary>
public class NetworkSyncDbContext : DbContext
{
    public NetworkSyncDbContext(DbContextOptions<NetworkSyncDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context (<see cref="PostgresNetworkSyncDbContext"/>), which keeps its own migrations.</summary>
    protected NetworkSyncDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<MailboxRow> Mailboxes => Set<MailboxRow>();

    public DbSet<SyncStateRow> SyncStates => Set<SyncStateRow>();

    public DbSet<MessageRow> Messages => Set<MessageRow>();

    public DbSet<EventRow> Events => Set<EventRow>();

    public DbSet<ContactOverrideRow> ContactOverrides => Set<ContactOverrideRow>();

    public DbSet<FollowUpRow> FollowUps => Set<FollowUpRow>();

    public DbSet<MailboxSettingsRow> MailboxSettings => Set<MailboxSettingsRow>();

    public DbSet<SubscriptionRow> Subscriptions => Set<SubscriptionRow>();

    public DbSet<OptedOutMailboxRow> OptedOutMailboxes => Set<OptedOutMailboxRow>();

    public DbSet<WarmthModelRow> WarmthModels => Set<WarmthModelRow>();

    public DbSet<MailboxLeaseRow> MailboxLeases => Set<MailboxLeaseRow>();

    public DbSet<MailboxDataVersionRow> MailboxDataVersions => Set<MailboxDataVersionRow>();

    public DbSet<PendingSyncRow> PendingSyncs => Set<PendingSyncRow>();

    public DbSet<GraphBudgetRow> GraphBudgets => Set<GraphBudgetRow>();

    public DbSet<GraphSlotRow> GraphSlots => Set<GraphSlotRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MailboxRow>(e =>
        {
            e.ToTable("Mailboxes");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Mail);
            e.HasIndex(x => x.UserPrincipalName);
        });
        modelBuilder.Entity<SyncStateRow>(e =>
        {
            e.ToTable("SyncStates");
            e.HasKey(x => new { x.MailboxId, x.Collection });
        });
        modelBuilder.Entity<MessageRow>(e =>
        {
            e.ToTable("Messages");
            e.HasKey(x => new { x.MailboxId, x.Id });
            e.HasIndex(x => new { x.MailboxId, x.Folder, x.Generation });

            // No index on ConversationId: its random keys made every page's commit rewrite hundreds of
            // index pages (bulk sync 1.7x slower); threads are read per mailbox, in memory.
        });
        modelBuilder.Entity<ContactOverrideRow>(e =>
        {
            e.ToTable("ContactOverrides");
            e.HasKey(x => new { x.MailboxId, x.Address, x.Kind, x.OtherAddress });
        });
        modelBuilder.Entity<FollowUpRow>(e =>
        {
            e.ToTable("FollowUps");
            e.HasKey(x => new { x.MailboxId, x.Id });
            e.HasIndex(x => new { x.MailboxId, x.Key }).IsUnique();
            e.HasIndex(x => new { x.MailboxId, x.TodoTaskId });
        });
        modelBuilder.Entity<MailboxSettingsRow>(e =>
        {
            e.ToTable("MailboxSettings");
            e.HasKey(x => x.MailboxId);
        });
        modelBuilder.Entity<SubscriptionRow>(e =>
        {
            e.ToTable("Subscriptions");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.MailboxId);
        });
        modelBuilder.Entity<OptedOutMailboxRow>(e =>
        {
            e.ToTable("OptedOutMailboxes");
            e.HasKey(x => x.UserIdHash);
        });
        modelBuilder.Entity<WarmthModelRow>(e =>
        {
            e.ToTable("WarmthModels");
            e.HasKey(x => x.MailboxId);
        });
        modelBuilder.Entity<EventRow>(e =>
        {
            e.ToTable("Events");
            e.HasKey(x => new { x.MailboxId, x.Id });
            e.HasIndex(x => new { x.MailboxId, x.Generation });
            e.HasIndex(x => new { x.MailboxId, x.StartMs });
        });

        // Instance coordination (several instances on one database): see Storage/Coordination.
        modelBuilder.Entity<MailboxLeaseRow>(e =>
        {
            e.ToTable("MailboxLeases");
            e.HasKey(x => x.MailboxId);
        });
        modelBuilder.Entity<MailboxDataVersionRow>(e =>
        {
            e.ToTable("MailboxDataVersions");
            e.HasKey(x => x.MailboxId);
        });
        modelBuilder.Entity<PendingSyncRow>(e =>
        {
            e.ToTable("PendingSyncs");
            e.HasKey(x => x.MailboxId);
        });
        modelBuilder.Entity<GraphBudgetRow>(e =>
        {
            e.ToTable("GraphBudgets");
            e.HasKey(x => x.MailboxId);
        });
        modelBuilder.Entity<GraphSlotRow>(e =>
        {
            e.ToTable("GraphSlots");
            e.HasKey(x => new { x.MailboxId, x.Slot });
        });
    }
}
