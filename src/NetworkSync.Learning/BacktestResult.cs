namespace NetworkSync.Learning;

/// <summary>
/// A backtest of the warmth model on one mailbox's own history (see <see cref="MailboxBacktest"/>).
/// The figures are null, with <see cref="Reason"/> saying why, when the history is too thin.
/// </summary>
public sealed record BacktestResult(
    IReadOnlyList<DateTimeOffset> Cutoffs,
    int Candidates,
    int Positives,
    double? Auc,
    double? AveragePrecision,
    double? RecencyAuc,
    double? Frequency365Auc,
    double? DecayedCountAuc,
    string? Reason,
    IReadOnlyList<string> Models);
