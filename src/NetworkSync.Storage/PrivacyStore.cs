using System.Data.Common;
using System.Text.Json;
using NetworkSync.Domain.FollowUps;
using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Privacy;

namespace NetworkSync.Storage;

/// <summary>What a retention run deleted for one mailbox.</summary>
public sealed record RetentionResult(int Messages, int Events, int FollowUps);

/// <summary>What forgetting a person changed: rows rewritten and dropped, and the follow-ups deleted.</summary>
public sealed record ForgetResult(int MessagesRewritten, int MessagesDropped, int EventsRewritten, int EventsDropped, int FollowUps);

/// <summary>A mailbox's To Do list and the tasks mirroring some of its follow-ups, as far as NetworkSync knows them.</summary>
public sealed record TodoLinks(string? ListId, IReadOnlyList<string> TaskIds);

/// <summary>
/// The privacy operations on stored data: retention, forgetting one person, deleting a whole mailbox.
/// Each runs in one transaction on the writer connection (under the write gate), and moves the mailbox's
/// data version so score caches reload.
/// </summary>
public sealed class PrivacyStore(NetworkSyncDatabase database)
{
    /// <summary>Every table holding a mailbox's rows, and its mailbox column; the mailbox row itself last.</summary>
    public static readonly IReadOnlyList<(string Table, string MailboxColumn)> MailboxTables =
    [
        ("Messages", "MailboxId"),
        ("Events", "MailboxId"),
        ("SyncStates", "MailboxId"),
        ("FollowUps", "MailboxId"),
        ("ContactOverrides", "MailboxId"),
        ("MailboxSettings", "MailboxId"),
        ("Subscriptions", "MailboxId"),
        ("WarmthModels", "MailboxId"),
        ("Mailboxes", "Id"),
    ];

    /// <summary>
    /// The follow-ups retention deletes (see <see cref="DeleteOlderThanAsync"/>), <see cref="RetentionPolicy.FollowUpIsPast"/>
    /// in SQL: those whose cause (<see cref="RetentionPolicy.CauseOf"/>) is before the cutoff and that are still to
    /// do or were also closed before it. Parameters: @m (the mailbox), @c (the cutoff, Unix ms).
    /// </summary>
    private static readonly string FollowUpsOlderThan =
        "MailboxId = @m AND COALESCE(MeetingEndMs, MeetingStartMs, CreatedMs) < @c AND (Status IN ("
        + string.Join(", ", RetentionPolicy.StillToDo.Select(s => $"'{s.ToWire()}'"))
        + ") OR COALESCE(CompletedMs, UpdatedMs) < @c)";

    /// <summary>
    /// Deletes what <see cref="RetentionPolicy"/> says is past <paramref name="cutoff"/> (messages sent and
    /// received before it, events that ended before it, the follow-ups of <see cref="FollowUpsOlderThan"/>)
    /// and, when mail or meetings went, the mailbox's stored warmth model (learnt from them).
    /// </summary>
    public Task<RetentionResult> DeleteOlderThanAsync(string mailboxId, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection =>
            {
                var at = cutoff.ToUnixTimeMilliseconds();
                using var transaction = connection.BeginTransaction();
                var messages = Execute(connection, transaction, $"DELETE FROM Messages WHERE MailboxId = @m AND {database.Dialect.Greatest("SentMs", "ReceivedMs")} < @c;", ("@m", mailboxId), ("@c", at));
                var events = Execute(connection, transaction, "DELETE FROM Events WHERE MailboxId = @m AND EndMs < @c;", ("@m", mailboxId), ("@c", at));
                var followUps = Execute(connection, transaction, "DELETE FROM FollowUps WHERE " + FollowUpsOlderThan + ";", ("@m", mailboxId), ("@c", at));
                if (messages + events > 0)
                {
                    // The weights were learnt from what was just deleted: the next read refits without it.
                    Execute(connection, transaction, "DELETE FROM WarmthModels WHERE MailboxId = @m;", ("@m", mailboxId));
                }

                transaction.Commit();
                if (messages + events + followUps > 0)
                {
                    database.MarkChanged(mailboxId);
                }

                return new RetentionResult(messages, events, followUps);
            },
            cancellationToken);

    /// <summary>
    /// Forgets the person behind <paramref name="addresses"/> (lower case): cuts them out of every stored
    /// message's and event's participants (dropping the ones left with no one but the owner), deletes their
    /// overrides and every follow-up naming them, and records a "forgotten" override per address, which
    /// <see cref="MetadataWriter"/> honours on every later sync.
    /// </summary>
    public Task<ForgetResult> ForgetAsync(string mailboxId, IReadOnlyCollection<string> addresses, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                var forgotten = new ForgottenAddresses(addresses, ForgottenAddresses.OwnerAddresses(connection, transaction, mailboxId));
                var (messagesRewritten, messagesDropped) = RewriteMessages(connection, transaction, mailboxId, forgotten);
                var (eventsRewritten, eventsDropped) = RewriteEvents(connection, transaction, mailboxId, forgotten);
                var followUps = 0;
                foreach (var id in FollowUpsNaming(connection, transaction, mailboxId, forgotten))
                {
                    followUps += Execute(connection, transaction, "DELETE FROM FollowUps WHERE MailboxId = @m AND Id = @id;", ("@m", mailboxId), ("@id", id));
                }

                foreach (var address in forgotten.Addresses)
                {
                    Execute(connection, transaction, "DELETE FROM ContactOverrides WHERE MailboxId = @m AND (Address = @a OR OtherAddress = @a);", ("@m", mailboxId), ("@a", address));
                    Execute(
                        connection,
                        transaction,
                        "INSERT INTO ContactOverrides (MailboxId, Address, Kind, OtherAddress, CreatedMs) VALUES (@m, @a, @k, '', @t);",
                        ("@m", mailboxId),
                        ("@a", address),
                        ("@k", ForgottenAddresses.OverrideKind),
                        ("@t", now.ToUnixTimeMilliseconds()));
                }

                transaction.Commit();
                database.MarkChanged(mailboxId);
                return new ForgetResult(messagesRewritten, messagesDropped, eventsRewritten, eventsDropped, followUps);
            },
            cancellationToken);

    /// <summary>The To Do task ids of the follow-ups retention would delete at <paramref name="cutoff"/>.</summary>
    public Task<IReadOnlyList<string>> TaskIdsOlderThanAsync(string mailboxId, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<string>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT TodoTaskId FROM FollowUps WHERE " + FollowUpsOlderThan + " AND TodoTaskId IS NOT NULL;";
                command.AddParameter("@m", mailboxId);
                command.AddParameter("@c", cutoff.ToUnixTimeMilliseconds());
                var tasks = new List<string>();
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    tasks.Add(reader.GetString(0));
                }

                return tasks;
            },
            cancellationToken);

    /// <summary>The To Do task ids of the follow-ups naming any of <paramref name="addresses"/>.</summary>
    public Task<IReadOnlyList<string>> TaskIdsNamingAsync(string mailboxId, IReadOnlyCollection<string> addresses, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<string>>(
            connection =>
            {
                var forgotten = new ForgottenAddresses(addresses, []);
                return FollowUpRows(connection, null, mailboxId)
                    .Where(f => f.TaskId is not null && f.Contacts.Any(forgotten.Contains))
                    .Select(f => f.TaskId!)
                    .ToList();
            },
            cancellationToken);

    /// <summary>The mailbox's To Do list (from its <see cref="SyncStateKeys.Todo"/> sync state) and every task id its follow-ups know.</summary>
    public Task<TodoLinks> TodoLinksAsync(string mailboxId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT ResourceId FROM SyncStates WHERE MailboxId = @m AND Collection = @k;";
                command.AddParameter("@m", mailboxId);
                command.AddParameter("@k", SyncStateKeys.Todo);
                var listId = command.ExecuteScalar() as string;
                var tasks = FollowUpRows(connection, null, mailboxId).Where(f => f.TaskId is not null).Select(f => f.TaskId!).ToList();
                return new TodoLinks(listId, tasks);
            },
            cancellationToken);

    /// <summary>
    /// Deletes every row of the mailbox in every table and records its user's opt-out (the hash of the
    /// Graph user id only, see <see cref="OptOutStore"/>), in one transaction, so no listing can find the
    /// mailbox gone but not yet opted out. Returns the count of rows deleted per table.
    /// </summary>
    public Task<IReadOnlyDictionary<string, int>> DeleteMailboxAsync(string mailboxId, DateTimeOffset optedOutAt, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyDictionary<string, int>>(
            connection =>
            {
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                using var transaction = connection.BeginTransaction();
                foreach (var (table, column) in MailboxTables)
                {
                    counts[table] = Execute(connection, transaction, $"DELETE FROM {table} WHERE {column} = @m;", ("@m", mailboxId));
                }

                Execute(
                    connection,
                    transaction,
                    "INSERT INTO OptedOutMailboxes (UserIdHash, OptedOutMs) VALUES (@h, @t) ON CONFLICT (UserIdHash) DO UPDATE SET OptedOutMs = excluded.OptedOutMs;",
                    ("@h", OptOutStore.Hash(mailboxId)),
                    ("@t", optedOutAt.ToUnixTimeMilliseconds()));

                transaction.Commit();
                database.MarkChanged(mailboxId);
                return counts;
            },
            cancellationToken);

    private static (int Rewritten, int Dropped) RewriteMessages(DbConnection connection, DbTransaction transaction, string mailboxId, ForgottenAddresses forgotten)
    {
        var candidates = new List<(string Id, Participant? From, string Recipients)>();
        using (var select = Candidates(connection, transaction, mailboxId, forgotten, "SELECT Id, FromAddress, FromName, Recipients FROM Messages", "FromAddress", "Recipients"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var from = reader.IsDBNull(1) ? null : new Participant(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
                candidates.Add((reader.GetString(0), from, reader.GetString(3)));
            }
        }

        var (rewritten, dropped) = (0, 0);
        foreach (var (id, from, json) in candidates)
        {
            var (keptFrom, recipients, changed, keep) = forgotten.Redact(from, ParticipantCodec.DecodeRecipients(json));
            if (!changed)
            {
                continue;
            }

            if (!keep)
            {
                dropped += Execute(connection, transaction, "DELETE FROM Messages WHERE MailboxId = @m AND Id = @id;", ("@m", mailboxId), ("@id", id));
                continue;
            }

            rewritten += Execute(
                connection,
                transaction,
                "UPDATE Messages SET FromAddress = @fa, FromName = @fn, Recipients = @r, RecipientCount = @rc WHERE MailboxId = @m AND Id = @id;",
                ("@m", mailboxId),
                ("@id", id),
                ("@fa", (object?)keptFrom?.Address ?? DBNull.Value),
                ("@fn", (object?)keptFrom?.DisplayName ?? DBNull.Value),
                ("@r", ParticipantCodec.EncodeRecipients(recipients)),
                ("@rc", recipients.Count));
        }

        return (rewritten, dropped);
    }

    private static (int Rewritten, int Dropped) RewriteEvents(DbConnection connection, DbTransaction transaction, string mailboxId, ForgottenAddresses forgotten)
    {
        var candidates = new List<(string Id, Participant? Organizer, string Attendees)>();
        using (var select = Candidates(connection, transaction, mailboxId, forgotten, "SELECT Id, OrganizerAddress, OrganizerName, Attendees FROM Events", "OrganizerAddress", "Attendees"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var organizer = reader.IsDBNull(1) ? null : new Participant(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
                candidates.Add((reader.GetString(0), organizer, reader.GetString(3)));
            }
        }

        var (rewritten, dropped) = (0, 0);
        foreach (var (id, organizer, json) in candidates)
        {
            var (keptOrganizer, attendees, changed, keep) = forgotten.Redact(organizer, ParticipantCodec.DecodeAttendees(json));
            if (!changed)
            {
                continue;
            }

            if (!keep)
            {
                dropped += Execute(connection, transaction, "DELETE FROM Events WHERE MailboxId = @m AND Id = @id;", ("@m", mailboxId), ("@id", id));
                continue;
            }

            rewritten += Execute(
                connection,
                transaction,
                "UPDATE Events SET OrganizerAddress = @oa, OrganizerName = @on, Attendees = @a, AttendeeCount = @ac WHERE MailboxId = @m AND Id = @id;",
                ("@m", mailboxId),
                ("@id", id),
                ("@oa", (object?)keptOrganizer?.Address ?? DBNull.Value),
                ("@on", (object?)keptOrganizer?.DisplayName ?? DBNull.Value),
                ("@a", ParticipantCodec.EncodeAttendees(attendees)),
                ("@ac", attendees.Count));
        }

        return (rewritten, dropped);
    }

    /// <summary>
    /// The rows that may name a forgotten address: a cheap pre-filter (LIKE on the JSON column), which the
    /// decoded participants then confirm. '%' and '_' in an address only widen it.
    /// </summary>
    private static DbCommand Candidates(DbConnection connection, DbTransaction transaction, string mailboxId, ForgottenAddresses forgotten, string select, string single, string json)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var conditions = new List<string>();
        var i = 0;
        foreach (var address in forgotten.Addresses)
        {
            conditions.Add($"{single} = @a{i} OR {json} LIKE @l{i}");
            command.AddParameter($"@a{i}", address);
            command.AddParameter($"@l{i}", "%\"" + address + "\"%");
            i++;
        }

        command.CommandText = $"{select} WHERE MailboxId = @m AND ({string.Join(" OR ", conditions)});";
        command.AddParameter("@m", mailboxId);
        return command;
    }

    private static List<string> FollowUpsNaming(DbConnection connection, DbTransaction transaction, string mailboxId, ForgottenAddresses forgotten) =>
        FollowUpRows(connection, transaction, mailboxId).Where(f => f.Contacts.Any(forgotten.Contains)).Select(f => f.Id).ToList();

    private static List<(string Id, string? TaskId, List<string> Contacts)> FollowUpRows(DbConnection connection, DbTransaction? transaction, string mailboxId)
    {
        var rows = new List<(string, string?, List<string>)>();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT Id, TodoTaskId, Contacts FROM FollowUps WHERE MailboxId = @m;";
        command.AddParameter("@m", mailboxId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var contacts = new List<string>();
            using (var document = JsonDocument.Parse(reader.GetString(2)))
            {
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    if (element.ValueKind == JsonValueKind.String && element.GetString() is { } address)
                    {
                        contacts.Add(address);
                    }
                }
            }

            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), contacts));
        }

        return rows;
    }

    private static int Execute(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        return command.ExecuteNonQuery();
    }
}
