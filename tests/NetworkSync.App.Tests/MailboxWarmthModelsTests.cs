using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.Application.Contacts;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests;

public sealed class MailboxWarmthModelsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_first_fit_is_waited_for_and_a_refit_after_the_history_grew_runs_in_the_background()
    {
        using var database = new SqliteDatabase(new StorageOptions { DatabasePath = CliRunner.TempPath("models.db") });
        await database.MigrateAsync(CancellationToken.None);
        var models = new MailboxWarmthModels(new WarmthModelStore(database), NullLogger<MailboxWarmthModels>.Instance, TimeProvider.System);
        var options = new RelationshipOptions();

        var first = models.For("m1", [new Interaction("ana@x.example", null, InteractionDirection.Outbound, Now.AddDays(-3), 1, "a")], Now, options);
        Assert.Equal(WarmthModelSource.BuiltIn, first.Source);
        Assert.StartsWith("built-in weights: too little history", first.Reason, StringComparison.Ordinal);

        // The history grows past a fifth: the previous model answers at once, the refit lands later.
        var grown = History();
        Assert.Same(first, models.For("m1", grown, Now, options));
        await models.Pending("m1");
        var refitted = models.For("m1", grown, Now, options);
        Assert.Equal(WarmthModelSource.Fitted, refitted.Source);

        // Unchanged history, same day: the same model, no refit.
        Assert.Same(refitted, models.For("m1", grown, Now.AddHours(3), options));
        Assert.True(models.Pending("m1").IsCompleted);
    }

    // Twenty people written to (and answering) every week for two years, twenty who went quiet two years ago.
    private static List<Interaction> History()
    {
        var list = new List<Interaction>();
        for (var p = 0; p < 20; p++)
        {
            for (var week = 0; week < 104; week++)
            {
                var at = Now.AddDays(-7 * week).AddHours(-p);
                list.Add(new Interaction($"steady{p}@x.example", null, InteractionDirection.Outbound, at, 1, $"s{p}-{week}"));
                list.Add(new Interaction($"steady{p}@x.example", null, InteractionDirection.Inbound, at.AddHours(2), 1, $"r{p}-{week}"));
            }

            for (var week = 0; week < 10; week++)
            {
                list.Add(new Interaction($"faded{p}@y.example", null, InteractionDirection.Outbound, Now.AddDays(-720 + (7 * week)), 1, $"f{p}-{week}"));
            }
        }

        return list;
    }
}
