using System.Text.Json.Serialization;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.FollowUps;

namespace NetworkSync.App;

/// <summary>Source-generated JSON for the CLI's --json output (indented, UTC timestamps).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(List<ContactView>))]
[JsonSerializable(typeof(List<WarmPathView>))]
[JsonSerializable(typeof(List<FollowUpView>))]
[JsonSerializable(typeof(NetworkSync.Application.Evaluation.EvaluationReport))]
[JsonSerializable(typeof(NetworkSync.Application.Evaluation.BacktestView))]
internal sealed partial class AppJsonContext : JsonSerializerContext;
