using System.Text.Json;

namespace NetworkSync.Sync.Engine;

/// <summary>Reads the parts of a delta item that come before model mapping: its id and Graph's @removed marker.</summary>
internal static class DeltaItemReader
{
    /// <summary>
    /// Sets <paramref name="removedId"/> for an "@removed" entry. Returns a problem description when the
    /// item is unusable (not an object, no id), otherwise null.
    /// </summary>
    public static string? RemovedId(JsonElement item, out string? removedId)
    {
        removedId = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            return $"item is a JSON {item.ValueKind}, not an object";
        }

        if (!item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
        {
            return "item has no id";
        }

        if (item.TryGetProperty("@removed", out _))
        {
            removedId = id.GetString();
        }

        return null;
    }
}
