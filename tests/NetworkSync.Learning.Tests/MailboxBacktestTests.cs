using NetworkSync.Domain.Relationships;

namespace NetworkSync.Learning.Tests;

public sealed class MailboxBacktestTests
{
    [Fact]
    public void A_mailbox_with_a_clear_answer_is_ranked_perfectly_at_each_cutoff_on_the_same_candidates_as_the_baselines()
    {
        var history = SyntheticHistory.Mailbox(steady: 20, faded: 20, copied: 30);

        var result = MailboxBacktest.Run(history, new HashSet<string>(), SyntheticHistory.Now, new RelationshipOptions(), maximumCutoffs: 3);

        // Cutoffs 90, 180 and 270 days back; at each, everyone seen by then is a candidate: the 20
        // steady people (all written to next), the faded 20 and the copied 30 (none written to).
        Assert.Equal([SyntheticHistory.Now.AddDays(-90), SyntheticHistory.Now.AddDays(-180), SyntheticHistory.Now.AddDays(-270)], result.Cutoffs);
        Assert.Equal(3 * 20, result.Positives);
        Assert.InRange(result.Candidates, (3 * 40) + 1, 3 * 70);
        Assert.Equal(1.0, result.Auc);
        Assert.Equal(1.0, result.AveragePrecision);
        Assert.Null(result.Reason);
        Assert.Equal(3, result.Models.Count);
    }

    [Fact]
    public void A_thin_history_gives_no_figures_and_a_reason()
    {
        var history = SyntheticHistory.Mailbox(steady: 0, faded: 0, copied: 0);
        history.Add(new Interaction("ana@x.example", null, InteractionDirection.Outbound, SyntheticHistory.Now.AddDays(-20), 1, "a"));

        var result = MailboxBacktest.Run(history, new HashSet<string>(), SyntheticHistory.Now, new RelationshipOptions());

        Assert.Empty(result.Cutoffs);
        Assert.Null(result.Auc);
        Assert.Null(result.DecayedCountAuc);
        Assert.StartsWith("too little history", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_backtest_never_looks_past_a_cutoff()
    {
        // The same history with and without mail after the last cutoff's horizon ends gives the same
        // figures at that cutoff: nothing later can leak into the fit or the scores.
        var history = SyntheticHistory.Mailbox(steady: 10, faded: 10, copied: 10);
        var cutoff = SyntheticHistory.Now.AddDays(-180);
        var trimmed = history.Where(i => i.At <= cutoff + TimeSpan.FromDays(90)).ToList();
        trimmed.AddRange(Enumerable.Range(0, 50).Select(k => new Interaction("late@x.example", null, InteractionDirection.Outbound, cutoff.AddDays(95 + k), 1, $"late{k}")));

        var full = MailboxBacktest.Run(history, new HashSet<string>(), cutoff + TimeSpan.FromDays(90), new RelationshipOptions(), maximumCutoffs: 1);
        var withLateMail = MailboxBacktest.Run(trimmed, new HashSet<string>(), cutoff + TimeSpan.FromDays(90), new RelationshipOptions(), maximumCutoffs: 1);

        Assert.Equal(full, withLateMail with { Models = full.Models, Cutoffs = full.Cutoffs });
        Assert.Equal(full.Cutoffs, withLateMail.Cutoffs);
        Assert.Equal(full.Models, withLateMail.Models);
    }
}
