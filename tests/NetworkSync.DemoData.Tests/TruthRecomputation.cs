using System.Text.Json;

namespace NetworkSync.DemoData.Tests;

/// <summary>
/// An independent re-implementation, from the written files only, of the rules README.md gives for
/// <c>lastContact</c> and <c>dormant</c>; the truth file must agree with it exactly.
/// </summary>
internal static class TruthRecomputation
{
    public sealed record Expected(DateTimeOffset? LastContact, bool Dormant);

    public static Dictionary<string, Expected> Compute(GeneratedFixture fixture)
    {
        var asOf = GraphJson.Instant(fixture.Truth.RootElement.GetProperty("asOf"));
        var owner = fixture.OwnerAddresses;
        var primaryOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var contact in fixture.TruthContacts)
        {
            var primary = contact.GetProperty("address").GetString()!;
            primaryOf[primary] = primary;
            foreach (var other in contact.GetProperty("otherAddresses").EnumerateArray())
            {
                primaryOf[other.GetString()!] = primary;
            }
        }

        var last = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        var inbound = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        var outbound = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        var met = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Touch(string person, DateTimeOffset when)
        {
            if (!last.TryGetValue(person, out var previous) || when > previous)
            {
                last[person] = when;
            }
        }

        foreach (var message in fixture.Messages)
        {
            var from = GraphJson.Address(message.GetProperty("from"));
            var sent = GraphJson.Instant(message.GetProperty("sentDateTime"));
            var conversation = message.GetProperty("conversationId").GetString()!;
            var recipients = GraphJson.Recipients(message).ToList();
            if (owner.Contains(from))
            {
                foreach (var person in recipients.Where(primaryOf.ContainsKey).Select(address => primaryOf[address]).Distinct())
                {
                    Add(outbound, person, conversation);
                    Touch(person, sent);
                }
            }
            else if (primaryOf.TryGetValue(from, out var sender) && recipients.Any(owner.Contains))
            {
                Add(inbound, sender, conversation);
                Touch(sender, sent);
            }
        }

        foreach (var calendarEvent in fixture.Events)
        {
            var attendees = calendarEvent.GetProperty("attendees").EnumerateArray().ToList();
            var people = attendees.Where(attendee => attendee.GetProperty("type").GetString() != "resource").ToList();
            var start = StartInstant(calendarEvent);
            if (calendarEvent.GetProperty("isCancelled").GetBoolean() || start > asOf || people.Count > 20
                || calendarEvent.GetProperty("responseStatus").GetProperty("response").GetString() == "declined")
            {
                continue;
            }

            var present = people.Where(attendee => attendee.GetProperty("status").GetProperty("response").GetString() != "declined")
                .Select(GraphJson.Address)
                .Append(GraphJson.Address(calendarEvent.GetProperty("organizer")));
            foreach (var person in present.Where(primaryOf.ContainsKey).Select(address => primaryOf[address]).Distinct())
            {
                met.Add(person);
                Touch(person, start);
            }
        }

        var expected = new Dictionary<string, Expected>(StringComparer.OrdinalIgnoreCase);
        foreach (var contact in fixture.TruthContacts)
        {
            var person = contact.GetProperty("address").GetString()!;
            var twoWay = inbound.TryGetValue(person, out var received) && outbound.TryGetValue(person, out var sentTo)
                ? received.Count(sentTo.Contains)
                : 0;
            var real = twoWay >= 2 || met.Contains(person);
            DateTimeOffset? lastContact = last.TryGetValue(person, out var when) ? when : null;
            expected[person] = new Expected(lastContact, real && lastContact < asOf - TimeSpan.FromDays(180));
        }

        return expected;
    }

    public static DateTimeOffset StartInstant(JsonElement calendarEvent) => Instant(calendarEvent.GetProperty("start"));

    public static DateTimeOffset EndInstant(JsonElement calendarEvent) => Instant(calendarEvent.GetProperty("end"));

    /// <summary>The instant of a Graph <c>dateTimeTimeZone</c>.</summary>
    public static DateTimeOffset Instant(JsonElement start)
    {
        var local = DateTime.Parse(start.GetProperty("dateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var zone = start.GetProperty("timeZone").GetString()!;
        var offset = zone == "UTC" ? TimeSpan.Zero : ZoneInfo(zone).GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }

    private static TimeZoneInfo ZoneInfo(string zone)
    {
        // The system tz database is a fine independent oracle here; with invariant globalization Windows names
        // cannot be converted, so they are mapped by hand.
        var iana = zone switch
        {
            "Pacific Standard Time" => "America/Los_Angeles",
            "Eastern Standard Time" => "America/New_York",
            "GMT Standard Time" => "Europe/London",
            "W. Europe Standard Time" => "Europe/Berlin",
            _ => zone,
        };
        return TimeZoneInfo.FindSystemTimeZoneById(iana);
    }

    private static void Add(Dictionary<string, HashSet<string>> map, string person, string conversation)
    {
        if (!map.TryGetValue(person, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            map[person] = set;
        }

        set.Add(conversation);
    }
}
