using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkSync.GraphEmulator.Storage;

namespace NetworkSync.GraphEmulator.Fixtures;

/// <summary>
/// Loads a fixture folder (docs: shared/contracts/graph-fixture.md) into an <see cref="EmulatorTenant"/>.
/// Every file is streamed; a malformed record is reported and skipped, and a broken file stops only itself.
/// </summary>
internal sealed class FixtureLoader(EmulatorTenant tenant, string root)
{
    private readonly List<FixtureProblem> _problems = [];
    private readonly ItemArena _arena = new();

    public IReadOnlyList<FixtureProblem> Load()
    {
        var usersFile = Path.Combine(root, "users.json");
        if (!File.Exists(usersFile))
        {
            _problems.Add(new FixtureProblem(Relative(usersFile), -1, "users.json is missing"));
            return _problems;
        }

        ReadFile(usersFile, (index, json) => tenant.AddUser(json));

        var usersFolder = Path.Combine(root, "users");
        if (!Directory.Exists(usersFolder))
        {
            return _problems;
        }

        foreach (var userFolder in Directory.EnumerateDirectories(usersFolder).Order(StringComparer.Ordinal))
        {
            LoadMailbox(userFolder);
        }

        return _problems;
    }

    private void LoadMailbox(string userFolder)
    {
        var mailbox = tenant.FindMailbox(Path.GetFileName(userFolder));
        if (mailbox is null)
        {
            _problems.Add(new FixtureProblem(Relative(userFolder), -1, "no user with this id in users.json"));
            return;
        }

        var mailFolders = Path.Combine(userFolder, "mailFolders");
        if (Directory.Exists(mailFolders))
        {
            foreach (var folder in Directory.EnumerateDirectories(mailFolders).Order(StringComparer.Ordinal))
            {
                var file = Path.Combine(folder, "messages.json");
                if (File.Exists(file))
                {
                    LoadMessages(mailbox, Path.GetFileName(folder), file);
                }
            }
        }

        var mailboxSettings = Path.Combine(userFolder, "mailboxSettings.json");
        if (File.Exists(mailboxSettings))
        {
            LoadMailboxSettings(mailbox, mailboxSettings);
        }

        var calendarView = Path.Combine(userFolder, "calendarView.json");
        if (File.Exists(calendarView))
        {
            ReadFile(calendarView, (index, json) =>
            {
                if (!CalendarEvent.TryCreate(json, out var ev, out var reason))
                {
                    return reason;
                }

                if (mailbox.Events.Get(json.Id) is not null)
                {
                    return $"duplicate event id '{json.Id}'";
                }

                mailbox.Events.Upsert(json.Id, ev!);
                return null;
            });
        }
    }

    /// <summary>The optional <c>users/&lt;id&gt;/mailboxSettings.json</c>: one mailboxSettings object, not a value array.</summary>
    private void LoadMailboxSettings(MailboxData mailbox, string file)
    {
        try
        {
            var settings = MailboxSettingsJson.TryNormalize(JsonNode.Parse(File.ReadAllBytes(file)), out var reason);
            if (settings is null)
            {
                _problems.Add(new FixtureProblem(Relative(file), -1, reason!));
                return;
            }

            mailbox.MailboxSettings = settings;
        }
        catch (JsonException ex)
        {
            _problems.Add(new FixtureProblem(Relative(file), -1, $"invalid JSON: {ex.Message}"));
        }
        catch (IOException ex)
        {
            _problems.Add(new FixtureProblem(Relative(file), -1, $"cannot read file: {ex.Message}"));
        }
    }

    private void LoadMessages(MailboxData mailbox, string folder, string file) =>
        ReadFile(file, (index, json) =>
        {
            if (!MessageValidation.IsValid(json, out var reason))
            {
                return reason;
            }

            if (mailbox.FindMessage(json.Id) is not null)
            {
                return $"duplicate message id '{json.Id}'";
            }

            mailbox.UpsertMessage(folder, json);
            return null;
        });

    private void ReadFile(string file, Action<int, JsonItem> accept) =>
        ReadFile(file, (index, json) =>
        {
            accept(index, json);
            return null;
        });

    /// <summary>Streams one file; <paramref name="accept"/> returns a reason to reject a record, or null.</summary>
    private void ReadFile(string file, Func<int, JsonItem, string?> accept)
    {
        var name = Relative(file);
        var lastIndex = -1;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var found = JsonValueArrayReader.Read(stream, (index, utf8, kind) =>
            {
                lastIndex = index;
                if (kind != JsonTokenType.StartObject)
                {
                    _problems.Add(new FixtureProblem(name, index, "record is not a JSON object"));
                    return;
                }

                var reason = JsonItem.TryParse(utf8, _arena, out var json, out var parseReason) ? accept(index, json!) : parseReason;
                if (reason is not null)
                {
                    _problems.Add(new FixtureProblem(name, index, reason));
                }
            });
            if (!found)
            {
                _problems.Add(new FixtureProblem(name, -1, "no top-level 'value' array"));
            }
        }
        catch (JsonException ex)
        {
            _problems.Add(new FixtureProblem(name, lastIndex + 1, $"invalid JSON, rest of file skipped: {ex.Message}"));
        }
        catch (IOException ex)
        {
            _problems.Add(new FixtureProblem(name, -1, $"cannot read file: {ex.Message}"));
        }
    }

    private string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
