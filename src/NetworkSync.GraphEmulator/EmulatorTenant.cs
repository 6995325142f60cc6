using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NetworkSync.GraphEmulator.Storage;

namespace NetworkSync.GraphEmulator;

/// <summary>
/// The emulated tenant's data: users and, per user, mail folders and calendar events. Thread-safe;
/// every mutation is a new change in the affected collection, so delta queries see it. A
/// <c>user</c> argument may be the user's id, userPrincipalName, mail or one of its SMTP proxy addresses.
/// </summary>
public sealed class EmulatorTenant
{
    private readonly Lock _gate = new();
    private readonly List<UserRecord> _users = [];
    private readonly Dictionary<string, UserRecord> _usersByKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, MailboxData> _mailboxes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Copies of the users, in the order they were added.</summary>
    public IReadOnlyList<JsonObject> Users
    {
        get
        {
            lock (_gate)
            {
                return [.. _users.Select(u => u.Json.ToJsonObject())];
            }
        }
    }

    /// <summary>The id of the user known by <paramref name="user"/>, or null.</summary>
    public string? ResolveUserId(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_gate)
        {
            return _usersByKey.GetValueOrDefault(user)?.Id;
        }
    }

    /// <summary>Adds (or replaces, by id) a Graph user; it gets an empty mailbox with the well-known folders.</summary>
    public void AddUser(JsonObject user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!JsonItem.TryParse(user, out var json, out var reason))
        {
            throw new ArgumentException(reason, nameof(user));
        }

        AddUser(json!);
    }

    /// <summary>Adds the message to the folder (well-known name or folder id), or updates it by id; a message with that id in another folder is moved here.</summary>
    public void UpsertMessage(string user, string folder, JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(folder);
        var mailbox = RequireMailbox(user);
        if (!JsonItem.TryParse(message, out var json, out var reason) || !MessageValidation.IsValid(json!, out reason))
        {
            throw new ArgumentException(reason, nameof(message));
        }

        mailbox.UpsertMessage(folder, json!);
    }

    /// <summary>Deletes a message by its regular or immutable id; false when there is none.</summary>
    public bool DeleteMessage(string user, string messageId) => RequireMailbox(user).DeleteMessage(messageId);

    /// <summary>
    /// Moves a message to another folder. Returns its new regular id (its immutable id never changes),
    /// or null when the message or the folder does not exist.
    /// </summary>
    public string? MoveMessage(string user, string messageId, string toFolder) => RequireMailbox(user).MoveMessage(messageId, toFolder);

    /// <summary>Adds or updates (by id) an event instance as calendarView returns it.</summary>
    public void UpsertEvent(string user, JsonObject ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var mailbox = RequireMailbox(user);
        if (!JsonItem.TryParse(ev, out var json, out var reason) || !CalendarEvent.TryCreate(json!, out var calendarEvent, out reason))
        {
            throw new ArgumentException(reason, nameof(ev));
        }

        mailbox.Events.Upsert(calendarEvent!.Json.Id, calendarEvent);
    }

    public bool DeleteEvent(string user, string eventId) => RequireMailbox(user).Events.Remove(eventId) is not null;

    public int MessageCount(string user, string folder) =>
        RequireMailbox(user).FindFolder(folder)?.Messages.Count ?? 0;

    public int EventCount(string user) => RequireMailbox(user).Events.Count;

    /// <summary>The stable id the emulator gives a folder (well-known name or id).</summary>
    public string MailFolderId(string user, string folder) =>
        RequireMailbox(user).FindFolder(folder)?.Id ?? throw new KeyNotFoundException($"No mail folder '{folder}'.");

    /// <summary>A message as stored (by regular or immutable id), or null.</summary>
    public JsonObject? GetMessage(string user, string messageId) => RequireMailbox(user).FindMessage(messageId)?.Json.ToJsonObject();

    internal IReadOnlyList<JsonItem> UserItems
    {
        get
        {
            lock (_gate)
            {
                return [.. _users.Select(u => u.Json)];
            }
        }
    }

    internal JsonItem? FindUser(string user)
    {
        lock (_gate)
        {
            return _usersByKey.GetValueOrDefault(user)?.Json;
        }
    }

    internal MailboxData? FindMailbox(string user)
    {
        var id = ResolveUserId(user);
        return id is null ? null : _mailboxes.GetValueOrDefault(id);
    }

    internal void AddUser(JsonItem json)
    {
        var record = new UserRecord(json.Id, json);
        lock (_gate)
        {
            var existing = _users.FindIndex(u => u.Id == json.Id);
            if (existing >= 0)
            {
                _users[existing] = record;
            }
            else
            {
                _users.Add(record);
            }

            foreach (var key in LookupKeys(json))
            {
                _usersByKey[key] = record;
            }
        }

        _mailboxes.GetOrAdd(json.Id, static id => new MailboxData(id));
    }

    private MailboxData RequireMailbox(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return FindMailbox(user) ?? throw new KeyNotFoundException($"No user '{user}' in the emulated tenant.");
    }

    private static IEnumerable<string> LookupKeys(JsonItem user)
    {
        yield return user.Id;
        if (user.GetString("userPrincipalName") is { Length: > 0 } upn)
        {
            yield return upn;
        }

        if (user.GetString("mail") is { Length: > 0 } mail)
        {
            yield return mail;
        }

        if (user.TokenTypeOf("proxyAddresses") != System.Text.Json.JsonTokenType.StartArray)
        {
            yield break;
        }

        var proxies = JsonNode.Parse(user.Raw("proxyAddresses").ToArray())!.AsArray();
        foreach (var proxy in proxies)
        {
            var text = proxy?.GetValueKind() == System.Text.Json.JsonValueKind.String ? proxy.GetValue<string>() : null;
            if (text is not null && text.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase))
            {
                yield return text[5..];
            }
        }
    }

    private sealed record UserRecord(string Id, JsonItem Json);
}
