using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace NetworkSync.Sync.Engine;

/// <summary>
/// Which Graph errors mean "this delta token is dead, start the collection over". delta-query-overview says
/// an expired token gets "a 40X-series error with error codes such as syncStateNotFound", and graph/errors
/// lists resyncRequired and syncStateInvalid too: so the code decides, whatever the status, and a 410 always
/// does. Codes are compared case-insensitively (servers have been seen sending SyncStateNotFound).
/// </summary>
internal static class DeltaStateErrors
{
    private static readonly HashSet<string> ResyncCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "syncStateNotFound",
        "resyncRequired",
        "syncStateInvalid",
    };

    public static bool MeansResync(ApiException error) =>
        error.ResponseStatusCode == 410
        || (error.ResponseStatusCode is >= 400 and < 500 && error is ODataError { Error.Code: { } code } && ResyncCodes.Contains(code));
}
