namespace NetworkSync.GraphEmulator.Subscriptions;

/// <summary>Which collection a subscription's <c>resource</c> watches.</summary>
internal enum SubscribedCollection
{
    Messages,
    Events,
}

/// <summary>
/// A parsed subscription <c>resource</c>: <c>users/{id or upn}/messages</c> (the whole mailbox),
/// <c>users/{id}/mailFolders('{name or id}')/messages</c> or <c>users/{id}/mailFolders/{name or id}/messages</c>
/// (one folder), or <c>users/{id}/events</c>, and the same under <c>me/</c> (the docs' own example is
/// <c>me/mailFolders('Inbox')/messages</c>; it needs a delegated token). Matched case-insensitively, with or
/// without a leading slash. Everything else (other collections, query options, rich notifications) is refused.
/// </summary>
internal sealed record SubscriptionResource(string UserKey, SubscribedCollection Collection, string? Folder)
{
    /// <summary>Whether the resource named the signed-in user as <c>me</c> rather than by id.</summary>
    public bool IsMe { get; init; }

    public static SubscriptionResource? TryParse(string text)
    {
        if (text.Contains('?', StringComparison.Ordinal) || text.Contains('#', StringComparison.Ordinal))
        {
            return null;
        }

        var segments = Split(text.Trim());
        var isMe = segments is { Count: >= 2 } && Is(segments[0], "me");
        if (isMe)
        {
            segments![0] = "users";
            segments.Insert(1, "me");
        }

        if (segments is null || segments.Count < 3 || !Is(segments[0], "users") || segments[1].Length == 0)
        {
            return null;
        }

        SubscriptionResource? parsed = segments.Count switch
        {
            3 when Is(segments[2], "messages") => new SubscriptionResource(segments[1], SubscribedCollection.Messages, null),
            3 when Is(segments[2], "events") => new SubscriptionResource(segments[1], SubscribedCollection.Events, null),
            5 when Is(segments[2], "mailFolders") && Is(segments[4], "messages") && segments[3].Length > 0 =>
                new SubscriptionResource(segments[1], SubscribedCollection.Messages, segments[3]),
            _ => null,
        };
        return parsed is null ? null : parsed with { IsMe = isMe };
    }

    private static bool Is(string segment, string expected) => segment.Equals(expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Splits on '/' (one leading slash allowed) and turns <c>name('key')</c> into <c>name</c>, <c>key</c>.</summary>
    private static List<string>? Split(string text)
    {
        if (text.StartsWith('/'))
        {
            text = text[1..];
        }

        var result = new List<string>(5);
        foreach (var segment in text.Split('/'))
        {
            if (segment.Length == 0)
            {
                return null;
            }

            var open = segment.IndexOf("('", StringComparison.Ordinal);
            if (open > 0 && segment.EndsWith("')", StringComparison.Ordinal))
            {
                result.Add(segment[..open]);
                result.Add(Uri.UnescapeDataString(segment[(open + 2)..^2]));
            }
            else
            {
                result.Add(Uri.UnescapeDataString(segment));
            }
        }

        return result;
    }
}
