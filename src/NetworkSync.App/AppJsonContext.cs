using System.Text.Json.Serialization;
using NetworkSync.App.Features.Contacts;
using NetworkSync.App.Features.FollowUps;

namespace NetworkSync.App;

/// <summary>Source-generated JSON for the CLI's --json output (indented, UTC timestamps).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(List<ContactView>))]
[JsonSerializable(typeof(List<WarmPathView>))]
[JsonSerializable(typeof(List<FollowUpView>))]
[JsonSerializable(typeof(Features.Evaluation.EvaluationReport))]
[JsonSerializable(typeof(Features.Evaluation.BacktestView))]
internal sealed partial class AppJsonContext : JsonSerializerContext;
