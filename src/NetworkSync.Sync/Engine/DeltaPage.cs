using System.Text.Json;

namespace NetworkSync.Sync.Engine;

/// <summary>
/// One page of a Graph delta response, still as JSON: items are turned into SDK models one by one,
/// so a single malformed item is skipped and reported instead of failing the whole page.
/// </summary>
internal sealed class DeltaPage(JsonDocument document, string? nextLink, string? deltaLink) : IDisposable
{
    public string? NextLink { get; } = nextLink;

    public string? DeltaLink { get; } = deltaLink;

    public IEnumerable<JsonElement> Items =>
        document.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    public void Dispose() => document.Dispose();
}
