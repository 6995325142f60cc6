using System.Globalization;
using System.Text.Json;

namespace NetworkSync.DemoData.Tests;

/// <summary>Reading helpers for Graph JSON in tests.</summary>
internal static class GraphJson
{
    public static string Address(JsonElement emailAddressHolder) =>
        emailAddressHolder.GetProperty("emailAddress").GetProperty("address").GetString()!;

    public static IEnumerable<string> Recipients(JsonElement message) =>
        message.GetProperty("toRecipients").EnumerateArray().Concat(message.GetProperty("ccRecipients").EnumerateArray()).Select(Address);

    public static DateTimeOffset Instant(JsonElement value) =>
        DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
