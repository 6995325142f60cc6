using System.Globalization;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>The parts of a delta request shared by messages and calendarView: state tokens and page size.</summary>
internal static class DeltaRequest
{
    /// <summary>
    /// Reads the $skiptoken or $deltatoken. Returns an error response for a token that is garbled or
    /// belongs to another collection (400) or that this emulator no longer knows (410 syncStateNotFound,
    /// e.g. issued before a restart); otherwise <paramref name="state"/> is the state to continue from,
    /// or null for an initial request. With <paramref name="invalidTokenIsGone"/> a garbled or foreign
    /// token is also a 410, for services that answer any token they cannot use that way.
    /// </summary>
    public static GraphResponse? TryResume(
        GraphCall call, string epoch, DeltaCollectionKind kind, string userId, string collectionId, long currentSequence, out DeltaState? state,
        bool invalidTokenIsGone = false)
    {
        state = null;
        var skipToken = call.Query("$skiptoken");
        var deltaToken = call.Query("$deltatoken");
        var token = skipToken ?? deltaToken;
        if (token is null)
        {
            return null;
        }

        var decoded = DeltaState.TryDecode(token);
        if (decoded is null || decoded.Kind != kind || decoded.UserId != userId || decoded.CollectionId != collectionId)
        {
            return invalidTokenIsGone
                ? SyncStateNotFound(call)
                : GraphErrors.Create(call, 400, "SyncStateInvalid", "The sync state is invalid or does not belong to this collection.");
        }

        if (decoded.Epoch != epoch || decoded.Since > currentSequence || decoded.UpTo > currentSequence)
        {
            return SyncStateNotFound(call);
        }

        state = skipToken is not null ? decoded : decoded with { UpTo = currentSequence, After = decoded.Since };
        return null;
    }

    public static GraphResponse SyncStateNotFound(GraphCall call) =>
        GraphErrors.Create(call, 410, "syncStateNotFound", "The sync state generation is not found. The delta token is expired and data must be synchronized again.");

    /// <summary>Prefer: odata.maxpagesize (capped, and acknowledged in Preference-Applied), else $top, else the default.</summary>
    public static int PageSize(GraphCall call, GraphEmulatorOptions options)
    {
        if (call.Prefer.MaxPageSize is { } preferred)
        {
            var applied = Math.Min(preferred, options.MaxPageSize);
            call.PreferencesApplied.Add($"odata.maxpagesize={applied.ToString(CultureInfo.InvariantCulture)}");
            return applied;
        }

        return int.TryParse(call.Query("$top"), NumberStyles.None, CultureInfo.InvariantCulture, out var top) && top > 0
            ? Math.Min(top, options.MaxPageSize)
            : options.DefaultPageSize;
    }

    /// <summary>Writes @odata.context and the nextLink (more to come) or deltaLink (round complete).</summary>
    public static void WriteLinks(System.Text.Json.Utf8JsonWriter writer, GraphCall call, string entitySet, DeltaState next, bool complete)
    {
        writer.WriteString("@odata.context", $"{call.Origin}/v1.0/$metadata#Collection({entitySet})");
        if (complete)
        {
            var deltaState = next with { Since = next.UpTo, After = next.UpTo };
            writer.WriteString("@odata.deltaLink", $"{call.UrlWithoutQuery}?$deltatoken={deltaState.Encode()}");
        }
        else
        {
            writer.WriteString("@odata.nextLink", $"{call.UrlWithoutQuery}?$skiptoken={next.Encode()}");
        }
    }

    /// <summary>A weak etag that changes with every change of the item, like Outlook's change keys do.</summary>
    public static string ETag(long sequence) => $"W/\"CQAAABYAAAD{sequence.ToString("x8", CultureInfo.InvariantCulture)}\"";
}
