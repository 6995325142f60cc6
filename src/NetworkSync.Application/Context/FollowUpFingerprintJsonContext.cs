using System.Text.Json.Serialization;
using NetworkSync.Application.FollowUps;

namespace NetworkSync.Application.Context;

/// <summary>
/// Source-generated JSON for <see cref="ActiveFollowUpCache"/>'s fingerprint of a mailbox's active follow-ups:
/// whether anything a caller could see changed, compared byte for byte (the lists and their members are records
/// with list properties, so record equality would compare references).
/// </summary>
[JsonSerializable(typeof(List<FollowUpView>))]
internal sealed partial class FollowUpFingerprintJsonContext : JsonSerializerContext;
