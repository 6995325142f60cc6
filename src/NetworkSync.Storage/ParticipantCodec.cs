using System.Text.Json;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Storage;

/// <summary>
/// Packs recipients and attendees into one compact JSON column ([[role,address,name],...]) so a
/// message is one row: the hot sync path writes 1 row per message instead of 1 per recipient.
/// </summary>
public static class ParticipantCodec
{
    public static string EncodeRecipients(IReadOnlyList<Recipient> recipients)
    {
        using var buffer = new MemoryStream(64 + (recipients.Count * 48));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var recipient in recipients)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue((int)recipient.Role);
                writer.WriteStringValue(recipient.Who.Address);
                WriteName(writer, recipient.Who.DisplayName);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static IReadOnlyList<Recipient> DecodeRecipients(string json)
    {
        var result = new List<Recipient>();
        foreach (var (kind, address, name) in Decode(json))
        {
            result.Add(new Recipient((RecipientRole)kind, new Participant(address, name)));
        }

        return result;
    }

    public static string EncodeAttendees(IReadOnlyList<Attendee> attendees)
    {
        using var buffer = new MemoryStream(64 + (attendees.Count * 48));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var attendee in attendees)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(((int)attendee.Kind * 16) + (int)attendee.Response);
                writer.WriteStringValue(attendee.Who.Address);
                WriteName(writer, attendee.Who.DisplayName);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static IReadOnlyList<Attendee> DecodeAttendees(string json)
    {
        var result = new List<Attendee>();
        foreach (var (packed, address, name) in Decode(json))
        {
            result.Add(new Attendee(new Participant(address, name), (AttendeeKind)(packed / 16), (AttendeeResponse)(packed % 16)));
        }

        return result;
    }

    private static void WriteName(Utf8JsonWriter writer, string? name)
    {
        if (name is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(name);
        }
    }

    private static List<(int Kind, string Address, string? Name)> Decode(string json)
    {
        var result = new List<(int, string, string?)>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return result;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var kind = reader.GetInt32();
            reader.Read();
            var address = reader.GetString() ?? string.Empty;
            reader.Read();
            var name = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            reader.Read();
            result.Add((kind, address, name));
        }

        return result;
    }
}
