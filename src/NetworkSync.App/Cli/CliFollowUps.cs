using NetworkSync.App.Features;
using NetworkSync.App.Features.Contacts;
using NetworkSync.App.Features.FollowUps;
using NetworkSync.App.Features.FollowUps.Todo;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;

namespace NetworkSync.App.Cli;

/// <summary>The follow-up services for one-shot verbs, wired by hand the way the service's container wires them.</summary>
public sealed class CliFollowUps : IDisposable
{
    private readonly KeyedLocks locks = new();
    private readonly TodoWriteBack todo;

    public CliFollowUps(SqliteDatabase database, TimeProvider time, ILoggerFactory loggerFactory, RunMode mode)
    {
        var configuration = Hosting.AppConfiguration.Build();
        var relationships = configuration.GetSection("Relationships").Get<RelationshipOptions>() ?? new RelationshipOptions();
        Options = configuration.GetSection(FollowUpServiceOptions.SectionName).Get<FollowUpServiceOptions>() ?? new FollowUpServiceOptions();
        var scores = new ContactScoreCache(database, new ContactListingService(database, relationships));
        Runner = new FollowUpRunner(database, scores, Options, locks);
        todo = new TodoWriteBack(database, Runner, Options, time, loggerFactory.CreateLogger<TodoWriteBack>());
        Pass = new FollowUpPass(new OutlookSettingsRefresher(database, Options, time), Runner, todo, Options, mode, time, loggerFactory.CreateLogger<FollowUpPass>());
    }

    public FollowUpServiceOptions Options { get; }

    public FollowUpRunner Runner { get; }

    public FollowUpPass Pass { get; }

    public void Dispose()
    {
        todo.Dispose();
        locks.Dispose();
    }
}
