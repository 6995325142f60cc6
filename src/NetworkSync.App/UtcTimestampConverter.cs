using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace NetworkSync.App;

/// <summary>
/// Writes instants as "2026-05-30T14:02:00Z", the form the CLI contract shows, and reads one strict
/// ISO 8601 form only: date, time to the second (optional fraction) and a zone ("Z" or "+02:00").
/// Anything else ("12/11/2026", RFC 1123, a bare date) is a JsonException, which the API answers with
/// 400 Problem Details, rather than a guess at what the caller meant.
/// </summary>
public sealed partial class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !IsoInstant().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
        {
            throw new JsonException("Expected an ISO 8601 date and time with a zone, such as \"2026-12-01T17:00:00Z\".");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoInstant();
}
