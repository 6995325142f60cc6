using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NetworkSync.DemoData.Json;

/// <summary>The value formats Graph uses, and the writer settings that keep output byte-identical across machines.</summary>
internal static class GraphJsonFormat
{
    /// <summary>What Graph writes for "no response time".</summary>
    public const string NoTime = "0001-01-01T00:00:00Z";

    /// <summary>
    /// For the large Graph files: compact, as Graph itself answers (and a 50k-message mailbox stays a third smaller).
    /// Relaxed escaping keeps Message-IDs' angle brackets readable; these are JSON files, never HTML, so it is safe.
    /// </summary>
    public static readonly JsonWriterOptions CompactOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>For files people read (the user, the truth): indented, with "\n" fixed so bytes do not depend on the OS.</summary>
    public static readonly JsonWriterOptions ReadableOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>An instant in Graph's UTC form, e.g. <c>2026-05-30T14:03:12Z</c>.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A <c>dateTimeTimeZone.dateTime</c>: wall-clock time with seven fractional digits, no offset.</summary>
    public static string WallClock(DateTime local) =>
        local.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    /// <summary>Graph's <c>recipient</c> body: the <c>"emailAddress":{"name":..,"address":..}</c> property.</summary>
    public static void WriteEmailAddressProperty(Utf8JsonWriter writer, Mail.MailAddress address)
    {
        writer.WriteStartObject("emailAddress");
        writer.WriteString("name", address.Name);
        writer.WriteString("address", address.Address);
        writer.WriteEndObject();
    }
}
