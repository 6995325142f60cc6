using System.Globalization;
using System.Text.Json.Nodes;

namespace NetworkSync.Sync.Tests;

/// <summary>Builds a small fixture folder (the shared contract's layout, Graph's JSON shapes) for one test.</summary>
internal sealed class TestFixture
{
    public const string UserId = "6f1c2a9e-0000-4000-8000-000000000001";
    public const string Mail = "dana.whitfield@contoso.example";
    public const string Alias = "dana@contoso.example";
    public const string SecondUserId = "6f1c2a9e-0000-4000-8000-000000000002";
    public const string SecondMail = "sam.okafor@contoso.example";

    private readonly Dictionary<string, JsonArray> folders = new(StringComparer.Ordinal);
    private readonly JsonArray events = [];
    private int counter;
    private int secondMailboxMessages = -1;

    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public TestFixture AddMessages(string folder, int count, Func<int, string>? counterpart = null)
    {
        for (var i = 0; i < count; i++)
        {
            var other = counterpart?.Invoke(i) ?? $"person{i % 50}@fabrikam.example";
            Add(folder, NewMessage(folder, other, Start.AddMinutes(counter)));
        }

        return this;
    }

    /// <summary>Adds a second mailbox (Sam) with this many inbox messages.</summary>
    public TestFixture AddSecondMailbox(int messages)
    {
        secondMailboxMessages = messages;
        return this;
    }

    public TestFixture Add(string folder, JsonObject message)
    {
        if (!folders.TryGetValue(folder, out var list))
        {
            list = [];
            folders[folder] = list;
        }

        list.Add(message);
        return this;
    }

    public TestFixture AddEvent(JsonObject graphEvent)
    {
        events.Add(graphEvent);
        return this;
    }

    public JsonObject NewMessage(string folder, string other, DateTimeOffset at)
    {
        var id = $"AAMkMsg{++counter:D6}";
        var outbound = folder == "sentitems";
        var me = Recipient(Mail, "Dana Whitfield");
        var them = Recipient(other, "Person " + other.Split('@')[0]);
        return new JsonObject
        {
            ["id"] = id,
            ["sentDateTime"] = Iso(at),
            ["receivedDateTime"] = Iso(at.AddSeconds(5)),
            ["subject"] = "Subject " + id,
            ["conversationId"] = "conv-" + (counter / 3),
            ["internetMessageId"] = $"<{id}@contoso.example>",
            ["isDraft"] = false,
            ["from"] = outbound ? me : them,
            ["toRecipients"] = new JsonArray(outbound ? them : me),
        };
    }

    public static JsonObject NewEvent(string id, DateTimeOffset start, TimeSpan length, params string[] attendees)
    {
        var list = new JsonArray();
        foreach (var attendee in attendees)
        {
            list.Add(new JsonObject
            {
                ["type"] = "required",
                ["status"] = new JsonObject { ["response"] = "accepted", ["time"] = "0001-01-01T00:00:00Z" },
                ["emailAddress"] = new JsonObject { ["name"] = attendee, ["address"] = attendee },
            });
        }

        return new JsonObject
        {
            ["id"] = id,
            ["subject"] = "Meeting " + id,
            ["type"] = "singleInstance",
            ["isCancelled"] = false,
            ["isOrganizer"] = true,
            ["isAllDay"] = false,
            ["start"] = new JsonObject { ["dateTime"] = start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture), ["timeZone"] = "UTC" },
            ["end"] = new JsonObject { ["dateTime"] = start.Add(length).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture), ["timeZone"] = "UTC" },
            ["organizer"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Dana Whitfield", ["address"] = Mail } },
            ["responseStatus"] = new JsonObject { ["response"] = "organizer", ["time"] = "0001-01-01T00:00:00Z" },
            ["attendees"] = list,
        };
    }

    public string Write()
    {
        var root = Path.Combine(Path.GetTempPath(), "networksync-tests", Guid.NewGuid().ToString("N"));
        var userFolder = Path.Combine(root, "users", UserId);
        Directory.CreateDirectory(userFolder);
        var user = new JsonObject
        {
            ["id"] = UserId,
            ["mail"] = Mail,
            ["userPrincipalName"] = Mail,
            ["displayName"] = "Dana Whitfield",
            ["proxyAddresses"] = new JsonArray("SMTP:" + Mail, "smtp:" + Alias),
        };
        var users = new JsonArray(user);
        if (secondMailboxMessages >= 0)
        {
            users.Add(new JsonObject { ["id"] = SecondUserId, ["mail"] = SecondMail, ["userPrincipalName"] = SecondMail, ["displayName"] = "Sam Okafor" });
            var inbox = new JsonArray();
            for (var i = 0; i < secondMailboxMessages; i++)
            {
                var message = NewMessage("inbox", $"friend{i}@fabrikam.example", Start.AddHours(i));
                message["id"] = $"AAMkSam{i:D6}";
                message["toRecipients"] = new JsonArray(Recipient(SecondMail, "Sam Okafor"));
                inbox.Add(message);
            }

            var samInbox = Path.Combine(root, "users", SecondUserId, "mailFolders", "inbox");
            Directory.CreateDirectory(samInbox);
            File.WriteAllText(Path.Combine(samInbox, "messages.json"), new JsonObject { ["value"] = inbox }.ToJsonString());
        }

        File.WriteAllText(Path.Combine(root, "users.json"), new JsonObject { ["value"] = users }.ToJsonString());
        foreach (var (folder, messages) in folders)
        {
            var dir = Path.Combine(userFolder, "mailFolders", folder);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "messages.json"), new JsonObject { ["value"] = messages.DeepClone() }.ToJsonString());
        }

        File.WriteAllText(Path.Combine(userFolder, "calendarView.json"), new JsonObject { ["value"] = events.DeepClone() }.ToJsonString());
        return root;
    }

    public static JsonObject Recipient(string address, string name) =>
        new() { ["emailAddress"] = new JsonObject { ["name"] = name, ["address"] = address } };

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
