using System.Data.Common;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Storage;

/// <summary>
/// Applies one page of Graph delta results in one transaction. Rows are keyed by (mailbox, Graph id),
/// so replaying a page, a retry or a resync after a restart overwrites instead of double-counting.
/// </summary>
public sealed class MetadataWriter(NetworkSyncDatabase database)
{
    // An absent property of a partial update (@present lacks its bit) keeps the stored value: Graph sends an
    // updated message as "its id with at least the properties that have been updated" (delta-query-overview).
    private const string MergedMessageColumns = """
            Folder = @folder, Generation = @gen,
            SentMs = CASE WHEN (@present & 1) != 0 THEN @sent ELSE Messages.SentMs END,
            ReceivedMs = CASE WHEN (@present & 2) != 0 THEN @received ELSE Messages.ReceivedMs END,
            FromAddress = CASE WHEN (@present & 4) != 0 THEN @fromAddress ELSE Messages.FromAddress END,
            FromName = CASE WHEN (@present & 4) != 0 THEN @fromName ELSE Messages.FromName END,
            Recipients = CASE WHEN (@present & 56) != 0 THEN @recipients ELSE Messages.Recipients END,
            RecipientCount = CASE WHEN (@present & 56) != 0 THEN @recipientCount ELSE Messages.RecipientCount END,
            ConversationId = CASE WHEN (@present & 64) != 0 THEN @conversation ELSE Messages.ConversationId END,
            InternetMessageId = CASE WHEN (@present & 128) != 0 THEN @imid ELSE Messages.InternetMessageId END,
            Subject = CASE WHEN (@present & 256) != 0 THEN @subject ELSE Messages.Subject END,
            IsDraft = CASE WHEN (@present & 512) != 0 THEN @draft ELSE Messages.IsDraft END,
            InferenceClassification = CASE WHEN (@present & 1024) != 0 THEN @inference ELSE Messages.InferenceClassification END,
            BulkSignals = CASE WHEN (@present & 2048) != 0 THEN @bulk ELSE Messages.BulkSignals END
        """;

    private const string UpsertMessageSql = """
        INSERT INTO Messages (MailboxId, Id, Folder, Generation, SentMs, ReceivedMs, FromAddress, FromName, Recipients, RecipientCount,
                              ConversationId, InternetMessageId, Subject, IsDraft, InferenceClassification, BulkSignals)
        VALUES (@m, @id, @folder, @gen, @sent, @received, @fromAddress, @fromName, @recipients, @recipientCount,
                @conversation, @imid, @subject, @draft, @inference, @bulk)
        ON CONFLICT (MailboxId, Id) DO UPDATE SET
        """ + MergedMessageColumns + ";";

    // A partial update without either date cannot make a row (a message needs its dates): it only updates one.
    private const string UpdateMessageSql = "UPDATE Messages SET " + MergedMessageColumns + " WHERE MailboxId = @m AND Id = @id;";

    // As for messages: a partial event keeps the stored values of what it does not carry.
    private const string MergedEventColumns = """
            Generation = @gen,
            StartMs = CASE WHEN (@present & 1) != 0 THEN @start ELSE Events.StartMs END,
            EndMs = CASE WHEN (@present & 1) != 0 THEN @end ELSE Events.EndMs END,
            SeriesMasterId = CASE WHEN (@present & 2) != 0 THEN @series ELSE Events.SeriesMasterId END,
            Type = CASE WHEN (@present & 4) != 0 THEN @type ELSE Events.Type END,
            IsAllDay = CASE WHEN (@present & 8) != 0 THEN @allDay ELSE Events.IsAllDay END,
            IsCancelled = CASE WHEN (@present & 16) != 0 THEN @cancelled ELSE Events.IsCancelled END,
            IsOrganizer = CASE WHEN (@present & 32) != 0 THEN @organizer ELSE Events.IsOrganizer END,
            Response = CASE WHEN (@present & 64) != 0 THEN @response ELSE Events.Response END,
            OrganizerAddress = CASE WHEN (@present & 128) != 0 THEN @orgAddress ELSE Events.OrganizerAddress END,
            OrganizerName = CASE WHEN (@present & 128) != 0 THEN @orgName ELSE Events.OrganizerName END,
            Attendees = CASE WHEN (@present & 256) != 0 THEN @attendees ELSE Events.Attendees END,
            AttendeeCount = CASE WHEN (@present & 256) != 0 THEN @attendeeCount ELSE Events.AttendeeCount END,
            Subject = CASE WHEN (@present & 512) != 0 THEN @subject ELSE Events.Subject END,
            TimeZone = CASE WHEN (@present & 1024) != 0 THEN @zone ELSE Events.TimeZone END
        """;

    private const string UpsertEventSql = """
        INSERT INTO Events (MailboxId, Id, Generation, SeriesMasterId, Type, StartMs, EndMs, IsAllDay, IsCancelled, IsOrganizer,
                            Response, OrganizerAddress, OrganizerName, Attendees, AttendeeCount, Subject, TimeZone)
        VALUES (@m, @id, @gen, @series, @type, @start, @end, @allDay, @cancelled, @organizer, @response, @orgAddress, @orgName,
                @attendees, @attendeeCount, @subject, @zone)
        ON CONFLICT (MailboxId, Id) DO UPDATE SET
        """ + MergedEventColumns + ";";

    // An event that did not move carries no start or end: it can only update a stored one.
    private const string UpdateEventSql = "UPDATE Events SET " + MergedEventColumns + " WHERE MailboxId = @m AND Id = @id;";

    private static readonly string[] MessageParameters =
    [
        "@m", "@id", "@folder", "@gen", "@sent", "@received", "@fromAddress", "@fromName", "@recipients", "@recipientCount",
        "@conversation", "@imid", "@subject", "@draft", "@inference", "@bulk", "@present",
    ];

    private static readonly string[] EventParameters =
    [
        "@m", "@id", "@gen", "@series", "@type", "@start", "@end", "@allDay", "@cancelled", "@organizer", "@response",
        "@orgAddress", "@orgName", "@attendees", "@attendeeCount", "@subject", "@zone", "@present",
    ];

    private static readonly IReadOnlySet<string> EmptyIds = new HashSet<string>();

    /// <summary>
    /// Upserts and removals for one page of one mail folder. A removal only deletes the row while it still
    /// belongs to that folder: when a message moves between two tracked folders the destination's
    /// "added" may be applied before the source's "removed", and must survive it. A partial record (see
    /// <see cref="MessageMetadata.Present"/>) is merged into the stored row; one without dates only updates
    /// a stored row. Returns how many such dateless records matched no stored message (nothing to update).
    /// </summary>
    public async Task<int> ApplyMessagePageAsync(
        string mailboxId,
        string folder,
        long generation,
        IReadOnlyList<MessageMetadata> upserts,
        IReadOnlyList<string> removedIds,
        CancellationToken cancellationToken)
    {
        var unmatched = 0;
        await ApplyPageAsync(
            mailboxId,
            new Batch<MessageMetadata>(UpsertMessageSql, MessageParameters, p => (p[0].Value, p[2].Value, p[3].Value) = (mailboxId, folder, generation), BindMessage),
            upserts,
            static (forgotten, message) => forgotten.Redact(message),
            new Batch<string>("DELETE FROM Messages WHERE MailboxId = @m AND Id = @id AND Folder = @folder;", ["@m", "@id", "@folder"], p => (p[0].Value, p[2].Value) = (mailboxId, folder), (p, id) => p[1].Value = id),
            removedIds,
            (rows, removed) => new MailboxDataChange(Ids(rows.Select(m => m.Id), removed), EmptyIds),
            cancellationToken,
            (connection, transaction, rows) =>
            {
                var merged = MergeRecipientRoles(connection, transaction, mailboxId, rows);
                var dateless = merged.Where(IsDateless).ToList();
                unmatched = dateless.Count - Run(connection, transaction, new Batch<MessageMetadata>(UpdateMessageSql, MessageParameters, p => (p[0].Value, p[2].Value, p[3].Value) = (mailboxId, folder, generation), BindMessage), dateless);
                return dateless.Count == 0 ? merged : merged.Where(m => !IsDateless(m)).ToList();
            }).ConfigureAwait(false);
        return unmatched;
    }

    /// <summary>
    /// A partial record that carries some recipient lists but not all (only toRecipients, say) keeps the
    /// stored recipients of the lists it lacks; recipients live in one column, so they are merged here.
    /// </summary>
    private static IReadOnlyList<MessageMetadata> MergeRecipientRoles(DbConnection connection, DbTransaction transaction, string mailboxId, IReadOnlyList<MessageMetadata> rows)
    {
        if (!rows.Any(NeedsRecipientMerge))
        {
            return rows;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Recipients FROM Messages WHERE MailboxId = @m AND Id = @id;";
        command.AddParameter("@m", mailboxId);
        var id = command.AddParameter("@id", null);
        var result = new List<MessageMetadata>(rows.Count);
        foreach (var row in rows)
        {
            if (!NeedsRecipientMerge(row))
            {
                result.Add(row);
                continue;
            }

            id.Value = row.Id;
            var stored = command.ExecuteScalar() is string json ? ParticipantCodec.DecodeRecipients(json) : [];
            var kept = stored.Where(r => (row.Present & RoleField(r.Role)) == 0);
            result.Add(row with { Recipients = [.. row.Recipients, .. kept], Present = row.Present | MessageFields.Recipients });
        }

        return result;
    }

    private static bool IsDateless(MessageMetadata row) => (row.Present & (MessageFields.SentAt | MessageFields.ReceivedAt)) == 0;

    private static bool NeedsRecipientMerge(MessageMetadata row)
    {
        var roles = row.Present & MessageFields.Recipients;
        return roles != MessageFields.None && roles != MessageFields.Recipients;
    }

    private static MessageFields RoleField(RecipientRole role) => role switch
    {
        RecipientRole.To => MessageFields.ToRecipients,
        RecipientRole.Cc => MessageFields.CcRecipients,
        _ => MessageFields.BccRecipients,
    };

    /// <summary>
    /// Upserts and removals for one calendar page. A partial record (see <see cref="EventMetadata.Present"/>) is
    /// merged into the stored row; one without start and end only updates a stored row. Returns how many such
    /// records matched no stored event.
    /// </summary>
    public async Task<int> ApplyEventPageAsync(
        string mailboxId,
        long generation,
        IReadOnlyList<EventMetadata> upserts,
        IReadOnlyList<string> removedIds,
        CancellationToken cancellationToken)
    {
        var unmatched = 0;
        await ApplyPageAsync(
            mailboxId,
            new Batch<EventMetadata>(UpsertEventSql, EventParameters, p => (p[0].Value, p[2].Value) = (mailboxId, generation), BindEvent),
            upserts,
            static (forgotten, meeting) => forgotten.Redact(meeting),
            new Batch<string>("DELETE FROM Events WHERE MailboxId = @m AND Id = @id;", ["@m", "@id"], p => p[0].Value = mailboxId, (p, id) => p[1].Value = id),
            removedIds,
            (rows, removed) => new MailboxDataChange(EmptyIds, Ids(rows.Select(e => e.Id), removed)),
            cancellationToken,
            (connection, transaction, rows) =>
            {
                var unmoved = rows.Where(r => !r.Present.HasFlag(EventFields.Times)).ToList();
                if (unmoved.Count == 0)
                {
                    return rows;
                }

                unmatched = unmoved.Count - Run(connection, transaction, new Batch<EventMetadata>(UpdateEventSql, EventParameters, p => (p[0].Value, p[2].Value) = (mailboxId, generation), BindEvent), unmoved);
                return rows.Where(r => r.Present.HasFlag(EventFields.Times)).ToList();
            }).ConfigureAwait(false);
        return unmatched;
    }

    /// <summary>After a full enumeration of a folder, deletes what that enumeration did not see.</summary>
    public Task<int> SweepMessagesAsync(string mailboxId, string folder, long generation, CancellationToken cancellationToken) =>
        ExecuteAsync(
            mailboxId,
            "DELETE FROM Messages WHERE MailboxId = @m AND Folder = @folder AND Generation < @gen;",
            [("@m", mailboxId), ("@folder", folder), ("@gen", generation)],
            cancellationToken);

    /// <summary>After a full enumeration of the calendar window, deletes what it did not see.</summary>
    public Task<int> SweepEventsAsync(string mailboxId, long generation, CancellationToken cancellationToken) =>
        ExecuteAsync(
            mailboxId,
            "DELETE FROM Events WHERE MailboxId = @m AND Generation < @gen;",
            [("@m", mailboxId), ("@gen", generation)],
            cancellationToken);

    private Task<int> ExecuteAsync(string mailboxId, string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (name, value) in parameters)
                {
                    command.AddParameter(name, value);
                }

                var changed = command.ExecuteNonQuery();
                if (changed > 0)
                {
                    database.MarkChanged(mailboxId);
                }

                return changed;
            },
            cancellationToken);

    /// <summary>
    /// One page in one transaction: the upserts, then the removals; then, if it held any, the mailbox's data
    /// version moves. Addresses the owner asked to forget are cut out of the upserts first (see
    /// <see cref="ForgottenAddresses"/>): Graph keeps sending them, and this is the one place every synced row passes.
    /// </summary>
    private Task<int> ApplyPageAsync<T>(
        string mailboxId,
        Batch<T> upsert,
        IReadOnlyList<T> rows,
        Func<ForgottenAddresses, T, T?> redact,
        Batch<string> delete,
        IReadOnlyList<string> removedIds,
        Func<IReadOnlyList<T>, IReadOnlyList<string>, MailboxDataChange> describe,
        CancellationToken cancellationToken,
        Func<DbConnection, DbTransaction, IReadOnlyList<T>, IReadOnlyList<T>>? beforeUpsert = null)
        where T : class =>
        database.WriteAsync(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                var stored = rows;
                if (rows.Count > 0 && ForgottenAddresses.Load(connection, transaction, mailboxId) is { } forgotten)
                {
                    stored = rows.Select(r => redact(forgotten, r)).OfType<T>().ToList();
                }

                if (beforeUpsert is not null && stored.Count > 0)
                {
                    stored = beforeUpsert(connection, transaction, stored);
                }

                Run(connection, transaction, upsert, stored);
                Run(connection, transaction, delete, removedIds);
                transaction.Commit();

                // An empty page (the usual answer to an unchanged re-sync) must not make every cache rescore.
                // The ids of every row the page wrote or removed go with the new version (those redacted
                // away or not removed included: whoever reads them back finds the row as it now stands).
                if (rows.Count > 0 || removedIds.Count > 0)
                {
                    database.MarkChanged(mailboxId, describe(rows, removedIds));
                }

                return rows.Count;
            },
            cancellationToken);

    private static HashSet<string> Ids(IEnumerable<string> written, IEnumerable<string> removed)
    {
        var ids = new HashSet<string>(written, StringComparer.Ordinal);
        ids.UnionWith(removed);
        return ids;
    }

    // One prepared command per batch; only the per-row parameters change between rows. Returns the rows changed.
    private static int Run<T>(DbConnection connection, DbTransaction transaction, Batch<T> batch, IReadOnlyList<T> rows)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = batch.Sql;
        var parameters = AddParameters(command, batch.Parameters);
        batch.Fixed(parameters);
        var changed = 0;
        var prepared = false;
        foreach (var row in rows)
        {
            batch.Bind(parameters, row);

            // Prepared once the first row is bound: Npgsql takes the parameter types from their values then.
            if (!prepared)
            {
                command.Prepare();
                prepared = true;
            }

            changed += command.ExecuteNonQuery();
        }

        return changed;
    }

    private static void BindMessage(DbParameter[] p, MessageMetadata message)
    {
        p[1].Value = message.Id;
        p[4].Value = message.SentAt.ToUnixTimeMilliseconds();
        p[5].Value = message.ReceivedAt.ToUnixTimeMilliseconds();
        p[6].Value = (object?)message.From?.Address ?? DBNull.Value;
        p[7].Value = (object?)message.From?.DisplayName ?? DBNull.Value;
        p[8].Value = ParticipantCodec.EncodeRecipients(message.Recipients);
        p[9].Value = message.Recipients.Count;
        p[10].Value = (object?)message.ConversationId ?? DBNull.Value;
        p[11].Value = (object?)message.InternetMessageId ?? DBNull.Value;
        p[12].Value = (object?)message.Subject ?? DBNull.Value;
        p[13].Value = message.IsDraft;
        p[14].Value = (object?)message.InferenceClassification ?? DBNull.Value;
        p[15].Value = (int)message.BulkSignals;
        p[16].Value = (int)message.Present;
    }

    private static void BindEvent(DbParameter[] p, EventMetadata meeting)
    {
        p[1].Value = meeting.Id;
        p[3].Value = (object?)meeting.SeriesMasterId ?? DBNull.Value;
        p[4].Value = meeting.Type;
        p[5].Value = meeting.Start.ToUnixTimeMilliseconds();
        p[6].Value = meeting.End.ToUnixTimeMilliseconds();
        p[7].Value = meeting.IsAllDay;
        p[8].Value = meeting.IsCancelled;
        p[9].Value = meeting.IsOrganizer;
        p[10].Value = (int)meeting.Response;
        p[11].Value = (object?)meeting.Organizer?.Address ?? DBNull.Value;
        p[12].Value = (object?)meeting.Organizer?.DisplayName ?? DBNull.Value;
        p[13].Value = ParticipantCodec.EncodeAttendees(meeting.Attendees);
        p[14].Value = meeting.Attendees.Count;
        p[15].Value = (object?)meeting.Subject ?? DBNull.Value;
        p[16].Value = (object?)meeting.TimeZone ?? DBNull.Value;
        p[17].Value = (int)meeting.Present;
    }

    private static DbParameter[] AddParameters(DbCommand command, params string[] names)
    {
        var result = new DbParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            result[i] = command.CreateParameter();
            result[i].ParameterName = names[i];
            command.Parameters.Add(result[i]);
        }

        return result;
    }

    /// <summary>A statement run once per row: its parameters, the values fixed for the page, and how a row binds.</summary>
    private sealed record Batch<T>(string Sql, string[] Parameters, Action<DbParameter[]> Fixed, Action<DbParameter[], T> Bind);
}
