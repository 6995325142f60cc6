using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkSync.App.Hosting.Demo;
using NetworkSync.Application;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Evaluation;
using NetworkSync.Application.Sync;
using NetworkSync.DemoData;
using NetworkSync.Storage;
using NetworkSync.Sync.Configuration;

namespace NetworkSync.App.Cli;

/// <summary>
/// `networksync evaluate`: generates (or takes) a mailbox with planted truth, syncs it through the
/// emulator and the real Graph client, and prints how the relationship model scores against the truth.
/// With --check it exits 1 when a target is missed (CI runs it that way).
/// </summary>
public static class EvaluateCommand
{
    public static async Task<int> RunAsync(EvaluateArguments args, CancellationToken cancellationToken)
    {
        if (args.Database is not null || args.Mailbox is not null)
        {
            return await EvaluateMailboxCommand.RunAsync(args, cancellationToken).ConfigureAwait(false);
        }

        var work = Path.Combine(Path.GetTempPath(), "networksync-evaluate", Guid.NewGuid().ToString("N"));
        var fixture = args.Fixture;
        if (fixture is null)
        {
            var options = new DemoMailboxOptions
            {
                Seed = args.Seed ?? 42,
                Contacts = args.Contacts ?? 300,
            };
            fixture = Path.Combine(work, "fixture");
            var written = DemoFixtureWriter.Write(fixture, options);
            await Console.Error.WriteLineAsync($"Generated {written.Mail}: {written.Messages} messages, {written.Events} events, {written.Contacts} planted contacts (seed {options.Seed})").ConfigureAwait(false);
        }

        var truthPath = Path.Combine(Path.GetFullPath(fixture), DemoFixtureWriter.TruthFileName);
        if (!File.Exists(truthPath))
        {
            throw new ExpectedFailureException($"--fixture: {Path.GetFullPath(fixture)} has no {DemoFixtureWriter.TruthFileName} to evaluate against");
        }

        var truth = PlantedTruth.Load(truthPath);
        var time = new FixedTimeProvider(truth.AsOf);
        FixtureGraph? fixtureGraph = null;
        ServiceProvider? services = null;
        try
        {
            fixtureGraph = await FixtureSync.ServeAsync(fixture, cancellationToken).ConfigureAwait(false);
            var graph = fixtureGraph;

            // The metadata only: the evaluation scores relationships, it runs no follow-up pass.
            services = CliServices.Create(Path.Combine(work, "evaluate.db"), time, new RunMode(Demo: true), verb =>
            {
                verb.PostConfigure<GraphOptions>(graph.PointAt);
                verb.RemoveAll<IAfterMailboxSync>();
            });
            await services.GetRequiredService<NetworkSyncDatabase>().MigrateAsync(cancellationToken).ConfigureAwait(false);
            var summary = await services.GetRequiredService<SyncCoordinator>().SyncAllAsync(null, cancellationToken).ConfigureAwait(false);
            var mailbox = summary.Mailboxes.Count == 1 && summary.Succeeded
                ? (await services.GetRequiredService<MailboxStore>().ListMailboxesAsync(cancellationToken).ConfigureAwait(false)).Single()
                : throw new ExpectedFailureException("the evaluation fixture must hold exactly one mailbox that syncs");
            var scorer = services.GetRequiredService<ContactListingService>();
            var activity = await scorer.LoadAsync(mailbox, cancellationToken).ConfigureAwait(false);
            var report = RelationshipEvaluation.Evaluate(activity, truth, scorer);
            if (args.Json)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, AppJsonContext.Default.EvaluationReport)).ConfigureAwait(false);
            }
            else
            {
                await Console.Out.WriteLineAsync(Format(report)).ConfigureAwait(false);
            }

            var misses = report.Shortfalls();
            foreach (var miss in misses)
            {
                await Console.Error.WriteLineAsync("evaluate: target missed: " + miss).ConfigureAwait(false);
            }

            return args.Check && misses.Count > 0 ? 1 : 0;
        }
        finally
        {
            if (services is not null)
            {
                await services.DisposeAsync().ConfigureAwait(false);
            }

            if (fixtureGraph is not null)
            {
                await fixtureGraph.DisposeAsync().ConfigureAwait(false);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static string Format(EvaluationReport r) => string.Join(
        Environment.NewLine,
        "| figure | target | measured |",
        "| --- | --- | --- |",
        FormattableString.Invariant($"| Spearman rank correlation, warmth vs planted strength ({r.PlantedPeople} people) | >= {EvaluationReport.MinimumSpearman} | {r.Spearman:0.000} |"),
        FormattableString.Invariant($"| automated senders in the top 50 | 0 | {r.AutomatedInTop50} |"),
        FormattableString.Invariant($"| dormant precision ({r.DormantFlagged} flagged) | >= {EvaluationReport.MinimumDormantPrecision} | {r.DormantPrecision:0.000} |"),
        FormattableString.Invariant($"| dormant recall ({r.DormantPlanted} planted) | >= {EvaluationReport.MinimumDormantRecall} | {r.DormantRecall:0.000} |"),
        FormattableString.Invariant($"| cooling precision / recall ({r.CoolingFlagged} flagged, {r.CoolingPlanted} planted) | reported | {r.CoolingPrecision:0.000} / {r.CoolingRecall:0.000} |"),
        FormattableString.Invariant($"| future contact ROC AUC, warmth (cutoff {r.Cutoff:yyyy-MM-dd}, {r.Candidates} candidates, {r.WrittenToAfterCutoff} written to) | beats every baseline | {r.AucWarmth:0.000} |"),
        FormattableString.Invariant($"| baseline: recency alone | | {r.AucRecency:0.000} |"),
        FormattableString.Invariant($"| baseline: 365-day message count | | {r.AucMessageCount365:0.000} |"),
        FormattableString.Invariant($"| baseline: exponential decay (half-life 30 d, outgoing x2) | | {r.AucExponentialDecay:0.000} |"));
}
