using NetworkSync.GraphEmulator.Todo;

namespace NetworkSync.GraphEmulator.Storage;

/// <summary>
/// One user's mailbox: mail folders, the calendar, and indexes from message ids to folders. Mutations
/// take the mailbox lock so a move is atomic; reads go straight to the folder collections.
/// </summary>
internal sealed class MailboxData
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MailFolderData> _foldersByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MailFolderData> _foldersById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MailFolderData> _folderOfMessage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _immutableIdByRegularId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MailFolderData> _homeFolderOfMessage = new(StringComparer.Ordinal);

    private byte[]? _mailboxSettings;

    public MailboxData(string userId, TimeProvider clock)
    {
        UserId = userId;
        Todo = new TodoStore(userId, clock);
        foreach (var name in WellKnownFolders.DisplayNames.Keys)
        {
            AddFolder(name);
        }
    }

    public string UserId { get; }

    public ChangeTrackedCollection<CalendarEvent> Events { get; } = new();

    public TodoStore Todo { get; }

    /// <summary>The mailboxSettings JSON object (UTF-8) from the fixture or set in-process; null = the defaults.</summary>
    public byte[]? MailboxSettings
    {
        get => Volatile.Read(ref _mailboxSettings);
        set => Volatile.Write(ref _mailboxSettings, value);
    }

    public IReadOnlyList<MailFolderData> Folders
    {
        get
        {
            lock (_gate)
            {
                return [.. _foldersById.Values];
            }
        }
    }

    /// <summary>Finds a folder by well-known name or id.</summary>
    public MailFolderData? FindFolder(string nameOrId)
    {
        lock (_gate)
        {
            return _foldersByName.GetValueOrDefault(nameOrId) ?? _foldersById.GetValueOrDefault(nameOrId);
        }
    }

    /// <summary>Adds or replaces a message in <paramref name="folderNameOrId"/> (creating a named folder if needed).</summary>
    public MessageChange UpsertMessage(string folderNameOrId, JsonItem json)
    {
        lock (_gate)
        {
            var folder = _foldersByName.GetValueOrDefault(folderNameOrId)
                ?? _foldersById.GetValueOrDefault(folderNameOrId)
                ?? AddFolder(folderNameOrId);
            var id = json.Id;
            if (_folderOfMessage.TryGetValue(id, out var current) && current != folder)
            {
                return MoveLocked(id, current, folder, json);
            }

            var previousEntry = current?.Messages.Entry(id);
            var previous = previousEntry?.Item;
            var regularId = previous?.RegularId ?? id;
            _homeFolderOfMessage.TryAdd(id, folder);
            var stored = new MailMessage(json, folder.Id, regularId)
            {
                Previous = previous is null ? null : previous with { Previous = null },
                PreviousSequence = previousEntry?.Sequence ?? 0,
            };
            var sequence = folder.Messages.Upsert(id, stored, out _);
            _folderOfMessage[id] = folder;
            _immutableIdByRegularId[regularId] = id;
            return new MessageChange(id, previous is null ? null : folder.Id, previous?.RegularId, folder.Id, regularId, sequence);
        }
    }

    /// <summary>Returns null when no message has that (regular or immutable) id.</summary>
    public MessageChange? DeleteMessage(string messageId)
    {
        lock (_gate)
        {
            var id = ToImmutableId(messageId);
            if (id is null || !_folderOfMessage.Remove(id, out var folder))
            {
                return null;
            }

            _homeFolderOfMessage.Remove(id);
            var removed = folder.Messages.Remove(id, out var sequence);
            if (removed is not null)
            {
                _immutableIdByRegularId.Remove(removed.RegularId);
            }

            return new MessageChange(id, folder.Id, removed?.RegularId ?? id, null, null, sequence);
        }
    }

    /// <summary>
    /// Moves a message; returns its new regular id, or null when the message or folder is unknown, and the
    /// change (null too when the message already was in that folder: nothing happened).
    /// </summary>
    public string? MoveMessage(string messageId, string toFolderNameOrId, out MessageChange? change)
    {
        change = null;
        lock (_gate)
        {
            var id = ToImmutableId(messageId);
            var destination = _foldersByName.GetValueOrDefault(toFolderNameOrId) ?? _foldersById.GetValueOrDefault(toFolderNameOrId);
            if (id is null || destination is null || !_folderOfMessage.TryGetValue(id, out var source))
            {
                return null;
            }

            if (source == destination)
            {
                return source.Messages.Get(id)?.RegularId;
            }

            change = MoveLocked(id, source, destination, json: null);
            return change.ToRegularId;
        }
    }

    public MailMessage? FindMessage(string messageId)
    {
        lock (_gate)
        {
            var id = ToImmutableId(messageId);
            return id is not null && _folderOfMessage.TryGetValue(id, out var folder) ? folder.Messages.Get(id) : null;
        }
    }

    private MessageChange MoveLocked(string id, MailFolderData source, MailFolderData destination, JsonItem? json)
    {
        var moved = source.Messages.Remove(id)!;
        _immutableIdByRegularId.Remove(moved.RegularId);

        // Outlook's regular ids encode the folder: a moved message gets a new one. Ours is derivable
        // and returns to the original when the message goes back to the folder it was created in.
        var regularId = _homeFolderOfMessage.GetValueOrDefault(id) == destination ? id : $"{id}-in-{destination.Name}";
        var sequence = destination.Messages.Upsert(id, new MailMessage(json ?? moved.Json, destination.Id, regularId), out _);
        _folderOfMessage[id] = destination;
        _immutableIdByRegularId[regularId] = id;
        return new MessageChange(id, source.Id, moved.RegularId, destination.Id, regularId, sequence);
    }

    private string? ToImmutableId(string messageId) =>
        _folderOfMessage.ContainsKey(messageId) ? messageId : _immutableIdByRegularId.GetValueOrDefault(messageId);

    private MailFolderData AddFolder(string name)
    {
        var folder = new MailFolderData(UserId, name);
        _foldersByName[folder.Name] = folder;
        _foldersById[folder.Id] = folder;
        return folder;
    }
}
