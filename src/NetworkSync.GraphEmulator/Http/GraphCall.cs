using Microsoft.AspNetCore.Http;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>Everything the endpoints need to know about the request being answered.</summary>
internal sealed class GraphCall(HttpContext http, GraphRoute route, string requestId, string clientRequestId)
{
    public HttpContext Http { get; } = http;

    public GraphRoute Route { get; } = route;

    public string RequestId { get; } = requestId;

    public string ClientRequestId { get; } = clientRequestId;

    public PreferHeader Prefer { get; } = PreferHeader.Parse(http.Request.Headers["Prefer"]);

    public AccessGrant? Grant { get; set; }

    /// <summary>The resolved user id of the mailbox (or directory user) addressed, if any.</summary>
    public string? MailboxId { get; set; }

    /// <summary>Preferences honoured, sent back in Preference-Applied.</summary>
    public List<string> PreferencesApplied { get; } = [];

    /// <summary>Scheme, host and port as the client addressed the emulator.</summary>
    public string Origin => $"{Http.Request.Scheme}://{Http.Request.Host}{Http.Request.PathBase}";

    /// <summary>Set by the ForeignLinks fault: the origin written into this answer's paging links.</summary>
    public string? LinkOrigin { get; set; }

    /// <summary>This request's URL without its query, for building nextLink and deltaLink.</summary>
    public string UrlWithoutQuery => (LinkOrigin ?? Origin) + Http.Request.Path.ToUriComponent();

    public bool HasStateToken => Query("$skiptoken") is not null || Query("$deltatoken") is not null;

    /// <summary>A query parameter, accepting it with or without the OData <c>$</c>.</summary>
    public string? Query(string name)
    {
        var query = Http.Request.Query;
        if (query.TryGetValue(name, out var value) && value.Count > 0)
        {
            return value[0];
        }

        return name.StartsWith('$') && query.TryGetValue(name[1..], out value) && value.Count > 0 ? value[0] : null;
    }
}
