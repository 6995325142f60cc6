using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.Application.Contacts;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Tests;

/// <summary>Fitted weights stored per mailbox: read back after a restart, refitted when unreadable, never failing a read.</summary>
public sealed class StoredWarmthModelTests
{
    private const string MailboxId = "u-dana";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_codec_gives_back_the_model_it_was_given()
    {
        var model = new WarmthModel(Enumerable.Range(0, WarmthFeatures.Count).Select(i => i / 7.0).ToArray(), -3.25, WarmthModelSource.Fitted, "fitted on this mailbox: 7 cutoffs") { Examples = 412 };

        var row = WarmthModelCodec.Encode(MailboxId, model, 1234, Now, Now.AddMinutes(1));
        var (back, problem) = WarmthModelCodec.Decode(row);

        Assert.Null(problem);
        Assert.NotNull(back);
        Assert.Equal(model.Weights, back.Weights);
        Assert.Equal(model.Bias, back.Bias);
        Assert.Equal(model.Source, back.Source);
        Assert.Equal(model.Reason, back.Reason);
        Assert.Equal(412, back.Examples);
        Assert.Equal(1234, row.Interactions);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), row.FittedAtMs);
        Assert.Equal(WarmthModelCodec.FormatVersion, row.FormatVersion);
    }

    [Fact]
    public async Task A_fitted_model_is_stored_and_a_restarted_process_scores_with_it_without_refitting()
    {
        using var database = await DatabaseAsync("stored-model.db");
        var history = History();
        var first = new MailboxWarmthModels(new WarmthModelStore(database), NullLogger<MailboxWarmthModels>.Instance, TimeProvider.System).For(MailboxId, history, Now, new RelationshipOptions());
        Assert.Equal(WarmthModelSource.Fitted, first.Source);

        var row = new WarmthModelStore(database).Find(MailboxId);
        Assert.NotNull(row);
        Assert.Equal(first.Examples, row.Examples);
        Assert.True(row.Examples > 0);
        Assert.Equal(history.Count, row.Interactions);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), row.FittedAtMs);
        Assert.Equal(nameof(WarmthModelSource.Fitted), row.Source);

        // The "restart": a new instance on the same database. Mark the stored row so that a refit would show.
        row.Reason = "as stored";
        new WarmthModelStore(database).Save(row);
        var restarted = new MailboxWarmthModels(new WarmthModelStore(database), NullLogger<MailboxWarmthModels>.Instance, TimeProvider.System).For(MailboxId, history, Now.AddHours(2), new RelationshipOptions());
        Assert.Equal("as stored", restarted.Reason);
        Assert.Equal(first.Weights, restarted.Weights);
        Assert.Equal(first.Bias, restarted.Bias);

        // A stored model that no longer fits (a day later) is refitted at once, not used.
        var dayLater = new MailboxWarmthModels(new WarmthModelStore(database), NullLogger<MailboxWarmthModels>.Instance, TimeProvider.System).For(MailboxId, history, Now.AddDays(2), new RelationshipOptions());
        Assert.StartsWith("fitted on this mailbox", dayLater.Reason, StringComparison.Ordinal);
        Assert.Equal(Now.AddDays(2).ToUnixTimeMilliseconds(), new WarmthModelStore(database).Find(MailboxId)!.FittedAtMs);
    }

    [Fact]
    public async Task The_built_in_fallback_is_stored_with_its_reason()
    {
        using var database = await DatabaseAsync("stored-fallback.db");
        var thin = new List<Interaction> { new("ana@x.example", null, InteractionDirection.Outbound, Now.AddDays(-3), 1, "a") };

        var model = new MailboxWarmthModels(new WarmthModelStore(database), NullLogger<MailboxWarmthModels>.Instance, TimeProvider.System).For(MailboxId, thin, Now, new RelationshipOptions());

        var row = new WarmthModelStore(database).Find(MailboxId)!;
        Assert.Equal(nameof(WarmthModelSource.BuiltIn), row.Source);
        Assert.StartsWith("built-in weights: too little history", row.Reason, StringComparison.Ordinal);
        Assert.Equal(model.Reason, row.Reason);
    }

    [Theory]
    [InlineData("{\"features\": [\"Sent7\"", 1)]
    [InlineData("{\"features\": [\"Sent7\"], \"weights\": [1.5], \"bias\": -2}", 1)]
    [InlineData("{\"features\": [], \"weights\": [], \"bias\": \"x\"}", 1)]
    [InlineData(null, 99)]
    [InlineData("renamed", 1)]
    [InlineData("negative", 1)]
    public async Task A_stored_model_that_cannot_be_read_is_logged_and_refitted(string? weights, int version)
    {
        using var database = await DatabaseAsync($"stored-corrupt-{Guid.NewGuid():N}.db");
        var history = History();
        var good = WarmthModelCodec.Encode(MailboxId, WarmthModel.BuiltIn.Because("as stored"), history.Count, Now, Now);
        var corrupt = weights switch
        {
            null => good.Weights,
            "renamed" => good.Weights.Replace("\"Sent7\"", "\"SentSeven\"", StringComparison.Ordinal),
            "negative" => good.Weights.Replace("\"weights\":[0.5", "\"weights\":[-0.5", StringComparison.Ordinal),
            _ => weights,
        };
        if (weights is "renamed" or "negative")
        {
            Assert.NotEqual(good.Weights, corrupt);
        }

        Write(database, corrupt, version, history.Count);
        var logger = new ListLogger();

        var model = new MailboxWarmthModels(new WarmthModelStore(database), logger, TimeProvider.System).For(MailboxId, history, Now, new RelationshipOptions());

        Assert.Equal(WarmthModelSource.Fitted, model.Source);
        Assert.StartsWith("fitted on this mailbox", model.Reason, StringComparison.Ordinal);
        var warning = Assert.Single(logger.Messages);
        Assert.Contains("cannot be read", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(corrupt, warning, StringComparison.Ordinal);

        // The refit replaced the row with a readable one.
        var (stored, problem) = WarmthModelCodec.Decode(new WarmthModelStore(database).Find(MailboxId)!);
        Assert.Null(problem);
        Assert.Equal(model.Weights, stored!.Weights);
    }

    [Fact]
    public async Task A_model_is_not_stored_for_a_mailbox_that_is_no_longer_stored()
    {
        using var database = await DatabaseAsync("stored-gone.db");

        var model = new MailboxWarmthModels(new WarmthModelStore(database), NullLogger<MailboxWarmthModels>.Instance, TimeProvider.System).For("u-gone", History(), Now, new RelationshipOptions());

        Assert.Equal(WarmthModelSource.Fitted, model.Source);
        Assert.Null(new WarmthModelStore(database).Find("u-gone"));
    }

    private static async Task<SqliteDatabase> DatabaseAsync(string name)
    {
        var database = new SqliteDatabase(new StorageOptions { DatabasePath = CliRunner.TempPath(name) });
        await database.MigrateAsync(CancellationToken.None);
        await new MailboxStore(database).UpsertMailboxAsync(new MailboxRow { Id = MailboxId, Mail = "dana@contoso.example" }, CancellationToken.None);
        return database;
    }

    private static void Write(SqliteDatabase database, string weights, int version, int interactions)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO WarmthModels (MailboxId, FormatVersion, Weights, Source, Reason, FittedAtMs, Interactions, Examples, UpdatedMs) VALUES ($m, $v, $w, 'BuiltIn', 'as stored', $t, $n, 0, $t);";
        command.Parameters.AddWithValue("$m", MailboxId);
        command.Parameters.AddWithValue("$v", version);
        command.Parameters.AddWithValue("$w", weights);
        command.Parameters.AddWithValue("$t", Now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$n", interactions);
        command.ExecuteNonQuery();
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

    private sealed class ListLogger : ILogger<MailboxWarmthModels>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages)
            {
                Messages.Add(formatter(state, exception));
            }
        }
    }
}
