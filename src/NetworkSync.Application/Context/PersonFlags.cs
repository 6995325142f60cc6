using System.Text.Json.Serialization;

namespace NetworkSync.Application.Context;

/// <summary>The yes/no facts the task pane shows as badges (docs/api.md, PersonContext.flags).</summary>
public sealed record PersonFlags(
    [property: JsonPropertyName("dormant")] bool Dormant,
    [property: JsonPropertyName("cooling")] bool Cooling,
    [property: JsonPropertyName("firstContact")] bool FirstContact,
    [property: JsonPropertyName("owesReply")] bool OwesReply,
    [property: JsonPropertyName("muted")] bool Muted,
    [property: JsonPropertyName("automated")] bool Automated);
