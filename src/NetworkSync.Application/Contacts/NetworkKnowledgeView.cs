using System.Text.Json.Serialization;
using NetworkSync.Application.Evaluation;

namespace NetworkSync.Application.Contacts;

/// <summary>
/// "How well NetworkSync knows your network": the warmth model in use (fitted on the mailbox, or the
/// built-in weights and why) and its backtest on the mailbox's own history beside the baselines.
/// </summary>
public sealed record NetworkKnowledgeView(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("modelReason")] string ModelReason,
    [property: JsonPropertyName("measuredAt")] DateTimeOffset MeasuredAt,
    [property: JsonPropertyName("backtest")] BacktestView Backtest);
