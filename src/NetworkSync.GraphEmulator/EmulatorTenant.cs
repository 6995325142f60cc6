using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NetworkSync.GraphEmulator.Storage;
using NetworkSync.GraphEmulator.Subscriptions;
using NetworkSync.GraphEmulator.Todo;

namespace NetworkSync.GraphEmulator;

/// <summary>
/// The emulated tenant's data: users and, per user, mail folders, calendar events, mailbox settings and
/// Microsoft To Do lists and tasks. Thread-safe; every mutation is a new change in the affected
/// collection, so delta queries see it. A <c>user</c> argument may be the user's id,
/// userPrincipalName, mail or one of its SMTP proxy addresses.
/// </summary>
public sealed class EmulatorTenant
{
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly List<UserRecord> _users = [];
    private readonly Dictionary<string, UserRecord> _usersByKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, MailboxData> _mailboxes = new(StringComparer.OrdinalIgnoreCase);

    public EmulatorTenant()
        : this(TimeProvider.System)
    {
    }

    /// <param name="clock">Stamps To Do timestamps (createdDateTime, lastModifiedDateTime, completedDateTime).</param>
    internal EmulatorTenant(TimeProvider clock) => _clock = clock;

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

        var change = mailbox.UpsertMessage(folder, json!);
        ChangeObserver?.MessageChanged(mailbox.UserId, change);
    }

    /// <summary>Deletes a message by its regular or immutable id; false when there is none.</summary>
    public bool DeleteMessage(string user, string messageId)
    {
        var mailbox = RequireMailbox(user);
        var change = mailbox.DeleteMessage(messageId);
        if (change is not null)
        {
            ChangeObserver?.MessageChanged(mailbox.UserId, change);
        }

        return change is not null;
    }

    /// <summary>
    /// Moves a message to another folder. Returns its new regular id (its immutable id never changes),
    /// or null when the message or the folder does not exist.
    /// </summary>
    public string? MoveMessage(string user, string messageId, string toFolder)
    {
        var mailbox = RequireMailbox(user);
        var newId = mailbox.MoveMessage(messageId, toFolder, out var change);
        if (change is not null)
        {
            ChangeObserver?.MessageChanged(mailbox.UserId, change);
        }

        return newId;
    }

    /// <summary>Adds or updates (by id) an event instance as calendarView returns it.</summary>
    public void UpsertEvent(string user, JsonObject ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var mailbox = RequireMailbox(user);
        if (!JsonItem.TryParse(ev, out var json, out var reason) || !CalendarEvent.TryCreate(json!, out var calendarEvent, out reason))
        {
            throw new ArgumentException(reason, nameof(ev));
        }

        if (mailbox.Events.Entry(calendarEvent!.Json.Id) is { } previous)
        {
            calendarEvent = calendarEvent with { Previous = previous.Item with { Previous = null }, PreviousSequence = previous.Sequence };
        }

        var sequence = mailbox.Events.Upsert(calendarEvent.Json.Id, calendarEvent, out var added);
        ChangeObserver?.EventChanged(mailbox.UserId, calendarEvent.Json.Id, added ? ChangeTypes.Created : ChangeTypes.Updated, sequence);
    }

    public bool DeleteEvent(string user, string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var mailbox = RequireMailbox(user);
        if (mailbox.Events.Remove(eventId, out var sequence) is null)
        {
            return false;
        }

        ChangeObserver?.EventChanged(mailbox.UserId, eventId, ChangeTypes.Deleted, sequence);
        return true;
    }

    public int MessageCount(string user, string folder) =>
        RequireMailbox(user).FindFolder(folder)?.Messages.Count ?? 0;

    public int EventCount(string user) => RequireMailbox(user).Events.Count;

    /// <summary>The stable id the emulator gives a folder (well-known name or id).</summary>
    public string MailFolderId(string user, string folder) =>
        RequireMailbox(user).FindFolder(folder)?.Id ?? throw new KeyNotFoundException($"No mail folder '{folder}'.");

    /// <summary>A message as stored (by regular or immutable id), or null.</summary>
    public JsonObject? GetMessage(string user, string messageId) => RequireMailbox(user).FindMessage(messageId)?.Json.ToJsonObject();

    /// <summary>Replaces the user's mailboxSettings (Graph's mailboxSettings JSON) served by GET /mailboxSettings.</summary>
    public void SetMailboxSettings(string user, JsonObject settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var mailbox = RequireMailbox(user);
        mailbox.MailboxSettings = MailboxSettingsJson.TryNormalize(settings, out var reason) ?? throw new ArgumentException(reason, nameof(settings));
    }

    /// <summary>The mailboxSettings the user's mailbox answers with (the defaults when none were set).</summary>
    public JsonObject GetMailboxSettings(string user) =>
        JsonNode.Parse(RequireMailbox(user).MailboxSettings ?? MailboxSettingsJson.Default)!.AsObject();

    /// <summary>The id of the user's well-known "Tasks" list (wellknownListName defaultList).</summary>
    public string DefaultTodoListId(string user) => RequireMailbox(user).Todo.DefaultList.Id;

    /// <summary>Snapshots of the user's To Do lists in Graph's todoTaskList shape, in creation order.</summary>
    public IReadOnlyList<JsonObject> GetTodoLists(string user) =>
        [.. RequireMailbox(user).Todo.Lists.Select(l => TodoSnapshots.List(l.Info))];

    /// <summary>Creates a To Do list, as if the user added it in the To Do app; returns its snapshot.</summary>
    public JsonObject CreateTodoList(string user, string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        return TodoSnapshots.List(RequireMailbox(user).Todo.CreateList(displayName).Info);
    }

    /// <summary>Snapshots of a list's tasks in creation order, each with its <c>linkedResources</c>.</summary>
    public IReadOnlyList<JsonObject> GetTodoTasks(string user, string listId) =>
        [.. RequireTodoList(user, listId).Tasks.Items().Select(TodoSnapshots.Task)];

    /// <summary>A task's snapshot with its <c>linkedResources</c>, or null when the list or task does not exist.</summary>
    public JsonObject? GetTodoTask(string user, string listId, string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        var task = FindTodoList(user, listId)?.Tasks.Get(taskId);
        return task is null ? null : TodoSnapshots.Task(task);
    }

    /// <summary>Creates a task from a todoTask body (inline linkedResources allowed), as the To Do app would; returns its snapshot.</summary>
    public JsonObject CreateTodoTask(string user, string listId, JsonObject task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var list = RequireTodoList(user, listId);
        if (!TodoTaskJson.TryValidate(task, creating: true, out var reason))
        {
            throw new ArgumentException(reason, nameof(task));
        }

        return TodoSnapshots.Task(RequireMailbox(user).Todo.CreateTask(list, task));
    }

    /// <summary>
    /// Merges <paramref name="patch"/> into a task as a PATCH would (status rules and lastModifiedDateTime
    /// included), as an edit in the To Do app; delta reports it. Null when the list or task does not exist.
    /// </summary>
    public JsonObject? UpdateTodoTask(string user, string listId, string taskId, JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentNullException.ThrowIfNull(patch);
        if (!TodoTaskJson.TryValidate(patch, creating: false, out var reason))
        {
            throw new ArgumentException(reason, nameof(patch));
        }

        var list = FindTodoList(user, listId);
        var task = list is null ? null : RequireMailbox(user).Todo.UpdateTask(list, taskId, patch);
        return task is null ? null : TodoSnapshots.Task(task);
    }

    /// <summary>
    /// Ticks a task as the user would in the To Do app: status completed, completedDateTime (UTC) stamped,
    /// lastModifiedDateTime bumped; delta reports it. Null when the list or task does not exist.
    /// </summary>
    public JsonObject? CompleteTodoTask(string user, string listId, string taskId) =>
        UpdateTodoTask(user, listId, taskId, new JsonObject { ["status"] = TodoTaskJson.Completed });

    /// <summary>Deletes a task (delta reports it as @removed); false when the list or task does not exist.</summary>
    public bool DeleteTodoTask(string user, string listId, string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        var list = FindTodoList(user, listId);
        return list is not null && RequireMailbox(user).Todo.DeleteTask(list, taskId);
    }

    /// <summary>
    /// Told about message and event changes made through the methods above (change notifications); set by
    /// the emulator once the fixture is loaded, so loading notifies nobody.
    /// </summary>
    internal ITenantChangeObserver? ChangeObserver { get; set; }

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

        _mailboxes.GetOrAdd(json.Id, static (id, clock) => new MailboxData(id, clock), _clock);
    }

    private MailboxData RequireMailbox(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return FindMailbox(user) ?? throw new KeyNotFoundException($"No user '{user}' in the emulated tenant.");
    }

    private TodoListData? FindTodoList(string user, string listId)
    {
        ArgumentNullException.ThrowIfNull(listId);
        return RequireMailbox(user).Todo.FindList(listId);
    }

    private TodoListData RequireTodoList(string user, string listId) =>
        FindTodoList(user, listId) ?? throw new KeyNotFoundException($"No To Do list '{listId}' for '{user}'.");

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
