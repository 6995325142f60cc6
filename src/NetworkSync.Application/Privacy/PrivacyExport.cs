using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Privacy;

/// <summary>
/// "Export my data": one JSON document with the mailbox, its settings, overrides, follow-ups, scored
/// contacts and the stored metadata (there are no bodies to export). Written straight to the response
/// with a <see cref="Utf8JsonWriter"/>, the messages and events streamed from the database and flushed
/// every <see cref="FlushEvery"/> items, so a large mailbox never becomes one string in memory.
/// </summary>
public static class PrivacyExport
{
    public const int FlushEvery = 500;

    public static async Task WriteAsync(NetworkSyncDatabase database, MetadataReader reader, MailboxSettingsStore settings, ContactOverrideStore overrides, MailboxRow mailbox, IReadOnlyList<ContactSummary> contacts, DateTimeOffset now, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(contacts);
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("exportedAt", now);
        WriteMailbox(json, mailbox);
        WriteSettings(json, await settings.GetAsync(mailbox.Id, cancellationToken).ConfigureAwait(false));
        WriteOverrides(json, await overrides.ListAsync(mailbox.Id, cancellationToken).ConfigureAwait(false));
        await using (var context = database.CreateContext())
        {
            var rows = await context.FollowUps.AsNoTracking().Where(f => f.MailboxId == mailbox.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            WriteFollowUps(json, rows);
        }

        WriteContacts(json, contacts);
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);

        json.WriteStartArray("messages");
        var count = 0;
        await foreach (var message in reader.ReadMessagesAsync(mailbox.Id, cancellationToken).ConfigureAwait(false))
        {
            json.WriteStartObject();
            json.WriteString("id", message.Id);
            json.WriteString("folder", message.Folder);
            json.WriteString("sentAt", message.SentAt);
            json.WriteString("receivedAt", message.ReceivedAt);
            WriteParticipant(json, "from", message.From?.Address, message.From?.DisplayName);
            json.WriteStartArray("recipients");
            foreach (var recipient in message.Recipients)
            {
                json.WriteStartObject();
                json.WriteString("role", recipient.Role.ToString().ToLowerInvariant());
                json.WriteString("address", recipient.Who.Address);
                json.WriteString("name", recipient.Who.DisplayName);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("subject", message.Subject);
            json.WriteString("conversationId", message.ConversationId);
            json.WriteEndObject();
            if (++count % FlushEvery == 0)
            {
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("events");
        await foreach (var meeting in reader.ReadEventsAsync(mailbox.Id, cancellationToken).ConfigureAwait(false))
        {
            json.WriteStartObject();
            json.WriteString("id", meeting.Id);
            json.WriteString("start", meeting.Start);
            json.WriteString("end", meeting.End);
            json.WriteString("subject", meeting.Subject);
            WriteParticipant(json, "organizer", meeting.Organizer?.Address, meeting.Organizer?.DisplayName);
            json.WriteStartArray("attendees");
            foreach (var attendee in meeting.Attendees)
            {
                json.WriteStartObject();
                json.WriteString("address", attendee.Who.Address);
                json.WriteString("name", attendee.Who.DisplayName);
                json.WriteString("type", attendee.Kind.ToString().ToLowerInvariant());
                json.WriteString("response", attendee.Response.ToString().ToLowerInvariant());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            if (++count % FlushEvery == 0)
            {
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteMailbox(Utf8JsonWriter json, MailboxRow mailbox)
    {
        json.WriteStartObject("mailbox");
        json.WriteString("id", mailbox.Id);
        json.WriteString("mail", mailbox.Mail);
        json.WriteString("userPrincipalName", mailbox.UserPrincipalName);
        json.WriteString("displayName", mailbox.DisplayName);
        json.WriteStartArray("aliases");
        foreach (var alias in mailbox.AliasList())
        {
            json.WriteStringValue(alias);
        }

        json.WriteEndArray();
        json.WriteString("lastSyncStatus", mailbox.LastSyncStatus);
        WriteTime(json, "lastSyncCompletedAt", mailbox.LastSyncCompletedMs);
        json.WriteEndObject();
    }

    private static void WriteSettings(Utf8JsonWriter json, MailboxSettingsRow settings)
    {
        json.WriteStartObject("settings");
        json.WriteString("outlookTimeZone", settings.OutlookTimeZone);
        json.WriteString("outlookWorkingDays", settings.OutlookWorkingDays);
        json.WriteString("outlookWorkStart", settings.OutlookWorkStart);
        json.WriteString("outlookWorkEnd", settings.OutlookWorkEnd);
        json.WriteString("timeZone", settings.UserTimeZone);
        json.WriteString("workingDays", settings.UserWorkingDays);
        json.WriteString("workStart", settings.UserWorkStart);
        json.WriteString("workEnd", settings.UserWorkEnd);
        if (settings.DormantDays is { } dormant)
        {
            json.WriteNumber("dormantDays", dormant);
        }
        else
        {
            json.WriteNull("dormantDays");
        }

        if (settings.WaitingDays is { } waiting)
        {
            json.WriteNumber("waitingDays", waiting);
        }
        else
        {
            json.WriteNull("waitingDays");
        }

        if (settings.TodoEnabled is { } todo)
        {
            json.WriteBoolean("todoEnabled", todo);
        }
        else
        {
            json.WriteNull("todoEnabled");
        }

        json.WriteEndObject();
    }

    private static void WriteOverrides(Utf8JsonWriter json, IReadOnlyList<ContactOverrideRow> overrides)
    {
        json.WriteStartArray("overrides");
        foreach (var row in overrides)
        {
            json.WriteStartObject();
            json.WriteString("address", row.Address);
            json.WriteString("kind", row.Kind);
            json.WriteString("otherAddress", row.OtherAddress.Length == 0 ? null : row.OtherAddress);
            WriteTime(json, "createdAt", row.CreatedMs);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFollowUps(Utf8JsonWriter json, List<FollowUpRow> rows)
    {
        json.WriteStartArray("followUps");
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString("id", row.Id);
            json.WriteString("kind", row.Kind);
            json.WriteString("status", row.Status);
            json.WriteString("title", row.Title);
            json.WritePropertyName("contacts");
            using (var contacts = JsonDocument.Parse(row.Contacts))
            {
                contacts.RootElement.WriteTo(json);
            }

            WriteTime(json, "dueAt", row.DueMs);
            WriteTime(json, "createdAt", row.CreatedMs);
            WriteTime(json, "completedAt", row.CompletedMs);
            json.WriteString("resolution", row.Resolution);
            json.WriteString("eventId", row.EventId);
            json.WriteString("meetingSubject", row.MeetingSubject);
            WriteTime(json, "meetingStart", row.MeetingStartMs);
            json.WriteString("todoTaskId", row.TodoTaskId);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteContacts(Utf8JsonWriter json, IReadOnlyList<ContactSummary> contacts)
    {
        json.WriteStartArray("contacts");
        foreach (var contact in contacts)
        {
            json.WriteStartObject();
            json.WriteString("address", contact.Address);
            json.WriteString("displayName", contact.DisplayName);
            json.WriteStartArray("otherAddresses");
            foreach (var other in contact.OtherAddresses)
            {
                json.WriteStringValue(other);
            }

            json.WriteEndArray();
            json.WriteNumber("warmth", Math.Round(contact.Warmth, 1));
            json.WriteString("tier", contact.Tier);
            if (contact.LastContact is { } last)
            {
                json.WriteString("lastContact", last);
            }
            else
            {
                json.WriteNull("lastContact");
            }

            json.WriteBoolean("automated", contact.Automated);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteParticipant(Utf8JsonWriter json, string name, string? address, string? displayName)
    {
        if (address is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("address", address);
        json.WriteString("name", displayName);
        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, long? ms)
    {
        if (ms is { } value)
        {
            json.WriteString(name, DateTimeOffset.FromUnixTimeMilliseconds(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
