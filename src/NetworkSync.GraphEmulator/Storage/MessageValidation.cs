using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace NetworkSync.GraphEmulator.Storage;

/// <summary>
/// The checks that make a message record malformed: the fields the sync relies on must have Graph's
/// types when present. Anything else is kept as given.
/// </summary>
internal static class MessageValidation
{
    private static readonly string[] DateFields = ["sentDateTime", "receivedDateTime", "createdDateTime", "lastModifiedDateTime"];
    private static readonly string[] RecipientObjectFields = ["from", "sender"];
    private static readonly string[] RecipientListFields = ["toRecipients", "ccRecipients", "bccRecipients", "replyTo"];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // Hot during fixture loads.
    public static bool IsValid(JsonItem json, out string? reason)
    {
        foreach (var field in DateFields)
        {
            var type = json.TokenTypeOf(field);
            if (type is JsonTokenType.None or JsonTokenType.Null)
            {
                continue;
            }

            var text = json.GetString(field);
            if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                reason = $"'{field}' is not an ISO 8601 date";
                return false;
            }
        }

        foreach (var field in RecipientObjectFields)
        {
            if (json.TokenTypeOf(field) is not (JsonTokenType.None or JsonTokenType.Null or JsonTokenType.StartObject))
            {
                reason = $"'{field}' must be an object";
                return false;
            }
        }

        foreach (var field in RecipientListFields)
        {
            if (json.TokenTypeOf(field) is not (JsonTokenType.None or JsonTokenType.Null or JsonTokenType.StartArray))
            {
                reason = $"'{field}' must be an array";
                return false;
            }
        }

        reason = null;
        return true;
    }
}
