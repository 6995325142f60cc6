using System.Data.Common;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Storage;

/// <summary>Streams a mailbox's stored metadata back as domain records, for scoring and listings.</summary>
public sealed class MetadataReader(NetworkSyncDatabase database)
{
    private const string MessageColumns = """
        Id, Folder, SentMs, ReceivedMs, FromAddress, FromName, Recipients, ConversationId, InternetMessageId,
        Subject, IsDraft, InferenceClassification, BulkSignals
        """;

    private const string EventColumns = """
        Id, SeriesMasterId, Type, StartMs, EndMs, IsAllDay, IsCancelled, IsOrganizer, Response, OrganizerAddress,
        OrganizerName, Attendees, Subject, TimeZone
        """;

    // Ids are bound one parameter each, this many to a statement (SQLite's limit is far above it).
    private const int IdsPerStatement = 500;

    public async IAsyncEnumerable<MessageMetadata> ReadMessagesAsync(
        string mailboxId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {MessageColumns} FROM Messages WHERE MailboxId = @m;";
        command.AddParameter("@m", mailboxId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Message(reader);
        }
    }

    public async IAsyncEnumerable<EventMetadata> ReadEventsAsync(
        string mailboxId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {EventColumns} FROM Events WHERE MailboxId = @m;";
        command.AddParameter("@m", mailboxId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Event(reader);
        }
    }

    /// <summary>The stored messages among <paramref name="ids"/> (an id not stored is not there): a synced page's rows as they now stand.</summary>
    public async Task<IReadOnlyList<MessageMetadata>> ReadMessagesAsync(string mailboxId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new List<MessageMetadata>(ids.Count);
        if (ids.Count == 0)
        {
            return found;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in ids.Chunk(IdsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {MessageColumns} FROM Messages WHERE MailboxId = @m AND Id IN ({InList(command, chunk)});";
            command.AddParameter("@m", mailboxId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add(Message(reader));
            }
        }

        return found;
    }

    /// <summary>The stored events among <paramref name="ids"/>.</summary>
    public async Task<IReadOnlyList<EventMetadata>> ReadEventsAsync(string mailboxId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new List<EventMetadata>(ids.Count);
        if (ids.Count == 0)
        {
            return found;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in ids.Chunk(IdsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {EventColumns} FROM Events WHERE MailboxId = @m AND Id IN ({InList(command, chunk)});";
            command.AddParameter("@m", mailboxId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add(Event(reader));
            }
        }

        return found;
    }

    /// <summary>Counts for progress output and tests: (messages, events) stored for the mailbox.</summary>
    public async Task<(long Messages, long Events)> CountAsync(string mailboxId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM Messages WHERE MailboxId = @m), (SELECT COUNT(*) FROM Events WHERE MailboxId = @m);";
        command.AddParameter("@m", mailboxId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static MessageMetadata Message(DbDataReader reader) => new MessageMetadata
    {
        Id = reader.GetString(0),
        Folder = reader.GetString(1),
        SentAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
        ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        From = reader.IsDBNull(4) ? null : new Participant(reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)),
        Recipients = ParticipantCodec.DecodeRecipients(reader.GetString(6)),
        ConversationId = reader.IsDBNull(7) ? null : reader.GetString(7),
        InternetMessageId = reader.IsDBNull(8) ? null : reader.GetString(8),
        Subject = reader.IsDBNull(9) ? null : reader.GetString(9),
        IsDraft = reader.GetBoolean(10),
        InferenceClassification = reader.IsDBNull(11) ? null : reader.GetString(11),
        BulkSignals = (BulkSignals)reader.GetInt32(12),
    };

    private static EventMetadata Event(DbDataReader reader) => new EventMetadata
    {
        Id = reader.GetString(0),
        SeriesMasterId = reader.IsDBNull(1) ? null : reader.GetString(1),
        Type = reader.GetString(2),
        Start = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        End = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        IsAllDay = reader.GetBoolean(5),
        IsCancelled = reader.GetBoolean(6),
        IsOrganizer = reader.GetBoolean(7),
        Response = (AttendeeResponse)reader.GetInt32(8),
        Organizer = reader.IsDBNull(9) ? null : new Participant(reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10)),
        Attendees = ParticipantCodec.DecodeAttendees(reader.GetString(11)),
        Subject = reader.IsDBNull(12) ? null : reader.GetString(12),
        TimeZone = reader.IsDBNull(13) ? null : reader.GetString(13),
    };

    private static string InList(DbCommand command, string[] ids)
    {
        var names = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            names[i] = "@id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.AddParameter(names[i], ids[i]);
        }

        return string.Join(", ", names);
    }
}
