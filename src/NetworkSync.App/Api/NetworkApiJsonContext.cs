using System.Text.Json;
using System.Text.Json.Serialization;
using NetworkSync.Application.Context;
using NetworkSync.Application.Settings;

namespace NetworkSync.App.Api;

/// <summary>
/// Source-generated JSON for the caller-scoped API: the task pane's batch is answered many times a
/// second, and generated serializers skip reflection and its warm-up. Compact, UTC timestamps.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(MeView))]
[JsonSerializable(typeof(PersonContext))]
[JsonSerializable(typeof(PersonContextBatch))]
[JsonSerializable(typeof(ContextBatchRequest))]
[JsonSerializable(typeof(ContactPage))]
[JsonSerializable(typeof(ContactHistory))]
[JsonSerializable(typeof(SettingsView))]
[JsonSerializable(typeof(SettingsUpdate))]
[JsonSerializable(typeof(NetworkSync.Application.Contacts.NetworkKnowledgeView))]
[JsonSerializable(typeof(List<NetworkSync.Application.Contacts.MergeSuggestionView>))]
[JsonSerializable(typeof(List<NetworkSync.Application.Contacts.WarmPathView>))]
[JsonSerializable(typeof(List<NetworkSync.Application.Contacts.Organisation.OrganisationIntroducerView>))]
[JsonSerializable(typeof(NetworkSync.Application.Network.NetworkOverview))]
public sealed partial class NetworkApiJsonContext : JsonSerializerContext;
