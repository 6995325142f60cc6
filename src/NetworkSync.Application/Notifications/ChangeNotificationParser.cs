using System.Text.Json;

namespace NetworkSync.Application.Notifications;

/// <summary>
/// Reads Graph's notification body, <c>{"value":[{...}]}</c>, defensively: any other shape is a format
/// error; unexpected members and value kinds inside an item are ignored (the item then fails the
/// clientState check).
/// </summary>
public static class ChangeNotificationParser
{
    /// <summary>More than Graph ever batches in one post; a longer list is not from Graph.</summary>
    public const int MaxItems = 1000;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static async Task<IReadOnlyList<ChangeNotification>> ParseAsync(Stream body, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(body, Options, cancellationToken).ConfigureAwait(false);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("value", out var value)
            || value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("A notification post is a JSON object with a \"value\" array.");
        }

        var count = value.GetArrayLength();
        if (count is 0 or > MaxItems)
        {
            throw new FormatException($"A notification post carries 1 to {MaxItems} notifications, not {count}.");
        }

        var items = new List<ChangeNotification>(count);
        foreach (var item in value.EnumerateArray())
        {
            items.Add(item.ValueKind == JsonValueKind.Object
                ? new ChangeNotification(Text(item, "subscriptionId"), Text(item, "clientState"), Text(item, "changeType"), Text(item, "lifecycleEvent"))
                : new ChangeNotification(null, null, null, null));
        }

        return items;
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}
