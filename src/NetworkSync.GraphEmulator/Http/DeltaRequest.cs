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

    /// <summary>
    /// The expired-token answer. A 410 carries a Location header with a fresh round's URL (no state token;
    /// the $select or calendar window of the old token when it can still be read), as delta-query-overview
    /// describes for a synchronization reset.
    /// </summary>
    public static GraphResponse SyncStateNotFound(GraphCall call, int status = 410)
    {
        var response = GraphErrors.Create(call, status, "syncStateNotFound", "The sync state generation is not found. The delta token is expired and data must be synchronized again.");
        return status == 410 ? response.WithHeader("Location", FreshRoundUrl(call)) : response;
    }

    /// <summary>400 resyncRequired (graph/errors): the token cannot be continued and the client must start over.</summary>
    public static GraphResponse ResyncRequired(GraphCall call) =>
        GraphErrors.Create(call, 400, "resyncRequired", "A resync is required. The delta token is no longer valid; start a new initial synchronization.");

    /// <summary>This collection's initial delta URL, carrying the old token's $select or calendar window when it decodes.</summary>
    public static string FreshRoundUrl(GraphCall call)
    {
        var token = call.Query("$skiptoken") ?? call.Query("$deltatoken");
        var state = token is null ? null : DeltaState.TryDecode(token);
        var url = call.UrlWithoutQuery;
        if (state is null)
        {
            return url;
        }

        if (state.Kind == DeltaCollectionKind.CalendarView)
        {
            return url + "?startDateTime=" + Uri.EscapeDataString(state.WindowStart.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                + "&endDateTime=" + Uri.EscapeDataString(state.WindowEnd.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        var query = new List<string>();
        if (!string.IsNullOrEmpty(state.Select))
        {
            query.Add("$select=" + Uri.EscapeDataString(state.Select));
        }

        if (state.Flags.HasFlag(DeltaFlags.ExpandLinkedResources))
        {
            query.Add("$expand=linkedResources");
        }

        return query.Count == 0 ? url : url + "?" + string.Join('&', query);
    }

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

    /// <summary>
    /// Writes the links after a page read from <paramref name="state"/> up to <paramref name="lastSequence"/>.
    /// With <paramref name="replay"/> every page is served twice: its first answer's nextLink points at the
    /// same page again (flagged, so the second answer moves on), as "your application must be prepared for
    /// replays" (delta-query-overview) asks clients to survive.
    /// </summary>
    public static void WriteLinks(System.Text.Json.Utf8JsonWriter writer, GraphCall call, string entitySet, DeltaState state, long lastSequence, bool complete, bool replay)
    {
        if (replay && !state.Flags.HasFlag(DeltaFlags.ReplayingPage))
        {
            WriteLinks(writer, call, entitySet, state with { Flags = state.Flags | DeltaFlags.ReplayingPage }, complete: false);
            return;
        }

        WriteLinks(writer, call, entitySet, state with { After = lastSequence, Flags = state.Flags & ~DeltaFlags.ReplayingPage }, complete);
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
