using System.Globalization;
using System.Text.Json;
using NetworkSync.DemoData.Identity;

namespace NetworkSync.DemoData.Json;

/// <summary>
/// Writes the owner's <c>mailboxSettings</c> as Graph returns it: the zone under its Windows name (as
/// Outlook stores it) and Monday-Friday working hours in that zone.
/// </summary>
internal static class GraphMailboxSettingsJson
{
    private static readonly string[] WorkingDays = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    public static void Write(Utf8JsonWriter writer)
    {
        var zone = MailboxOwner.HomeZone.WindowsName;
        writer.WriteStartObject();
        writer.WriteString("timeZone", zone);
        writer.WriteStartObject("workingHours");
        writer.WriteStartArray("daysOfWeek");
        foreach (var day in WorkingDays)
        {
            writer.WriteStringValue(day);
        }

        writer.WriteEndArray();
        writer.WriteString("startTime", TimeOfDay(MailboxOwner.WorkdayStart));
        writer.WriteString("endTime", TimeOfDay(MailboxOwner.WorkdayEnd));
        writer.WriteStartObject("timeZone");
        writer.WriteString("name", zone);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Graph's timeOfDay form, e.g. <c>09:00:00.0000000</c>.</summary>
    private static string TimeOfDay(TimeOnly time) => time.ToString("HH':'mm':'ss'.'fffffff", CultureInfo.InvariantCulture);
}
