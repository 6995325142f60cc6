using System.Net.Sockets;
using System.Text.Json;
using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using NetworkSync.Domain.Sync;
using NetworkSync.Sync.Http;

namespace NetworkSync.Sync.Engine;

/// <summary>
/// Which <see cref="SyncFailureKind"/> an exception from a sync stands for, so the schedule knows whether to
/// retry (<see cref="SyncFailurePolicy"/>). Graph's error code decides where it is more precise than the status
/// (throttling codes on a 503, the delta-token codes on a 400); otherwise the status does, as in graph/errors:
/// 401 signed out, 403 permission, 404 no such mailbox, 410 expired token, 429 throttled, 5xx passing trouble.
/// </summary>
public static class GraphErrorClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "TooManyRequests",
        "ApplicationThrottled",
        "MailboxConcurrency",
        "activityLimitReached",
    };

    private static readonly HashSet<string> SyncStateCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "syncStateNotFound",
        "resyncRequired",
        "syncStateInvalid",
    };

    // A 404 about one item or folder inside a mailbox that exists (a configured Graph:MailFolders folder that
    // was deleted): not the mailbox gone, so the other collections' syncs must not stop for good.
    private static readonly HashSet<string> ItemNotFoundCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "ErrorItemNotFound",
        "ErrorFolderNotFound",
    };

    private static readonly HashSet<string> SignedOutCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "InvalidAuthenticationToken",
        "AuthenticationError",
    };

    public static SyncFailureKind Classify(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            ForeignHostException => SyncFailureKind.ForeignLink,
            SyncStateExpiredException => SyncFailureKind.SyncStateExpired,
            AuthenticationFailedException or CredentialUnavailableException => FromSignIn(error),
            ODataError odata => FromResponse(odata.ResponseStatusCode, odata.Error?.Code),
            ApiException api => FromResponse(api.ResponseStatusCode, null),
            HttpRequestException { StatusCode: { } status } => FromResponse((int)status, null),
            HttpRequestException or IOException or SocketException or TimeoutException => SyncFailureKind.Transient,

            // Not the caller's cancellation (the runner lets that through): HttpClient's timeout.
            OperationCanceledException => SyncFailureKind.Transient,
            JsonException or InvalidDataException or FormatException => SyncFailureKind.MalformedData,
            _ => SyncFailureKind.Unexpected,
        };
    }

    /// <summary>The kind for a Graph answer with this status and (optional) error code.</summary>
    public static SyncFailureKind FromResponse(int status, string? code)
    {
        if (code is not null)
        {
            if (ThrottlingCodes.Contains(code))
            {
                return SyncFailureKind.Throttled;
            }

            if (status is >= 400 and < 500 && SyncStateCodes.Contains(code))
            {
                return SyncFailureKind.SyncStateExpired;
            }

            if (SignedOutCodes.Contains(code))
            {
                return SyncFailureKind.SignedOut;
            }

            if (status == 404 && ItemNotFoundCodes.Contains(code))
            {
                return SyncFailureKind.Unexpected;
            }
        }

        return status switch
        {
            401 => SyncFailureKind.SignedOut,
            403 => SyncFailureKind.PermissionDenied,
            404 => SyncFailureKind.MailboxNotFound,
            410 => SyncFailureKind.SyncStateExpired,
            429 => SyncFailureKind.Throttled,
            408 or >= 500 and < 600 => SyncFailureKind.Transient,
            _ => SyncFailureKind.Unexpected,
        };
    }

    /// <summary>
    /// The identity platform refused a token. AADSTS65001 (and "consent_required") means the tenant never
    /// consented; anything else (an expired secret, a revoked sign-in, no cached account) means signed out.
    /// </summary>
    private static SyncFailureKind FromSignIn(Exception error) =>
        error.Message.Contains("AADSTS65001", StringComparison.Ordinal) || error.Message.Contains("consent_required", StringComparison.OrdinalIgnoreCase)
            ? SyncFailureKind.ConsentMissing
            : SyncFailureKind.SignedOut;
}
