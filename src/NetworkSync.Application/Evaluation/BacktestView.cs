using System.Text.Json.Serialization;
using NetworkSync.Learning;

namespace NetworkSync.Application.Evaluation;

/// <summary>`evaluate --db --mailbox --json` as ../shared/contracts/cli.md specifies it, plus the reason and the models used.</summary>
public sealed record BacktestView(
    [property: JsonPropertyName("mailbox")] string Mailbox,
    [property: JsonPropertyName("horizonDays")] int HorizonDays,
    [property: JsonPropertyName("cutoffs")] IReadOnlyList<DateTimeOffset> Cutoffs,
    [property: JsonPropertyName("candidates")] int Candidates,
    [property: JsonPropertyName("positives")] int Positives,
    [property: JsonPropertyName("auc")] double? Auc,
    [property: JsonPropertyName("averagePrecision")] double? AveragePrecision,
    [property: JsonPropertyName("baselines")] BaselineView Baselines,
    [property: JsonPropertyName("models")] IReadOnlyList<string> Models)
{
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    public static BacktestView From(string mailbox, BacktestResult r) => new(
        mailbox,
        90,
        r.Cutoffs,
        r.Candidates,
        r.Positives,
        Round(r.Auc),
        Round(r.AveragePrecision),
        new BaselineView(Round(r.RecencyAuc), Round(r.Frequency365Auc), Round(r.DecayedCountAuc)),
        r.Models)
    {
        Reason = r.Reason,
    };

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
