using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkSync.Bench;

/// <summary>
/// A tenant of many mailboxes for the load benchmark: one generated mailbox of about N messages and E events
/// (`networksync demo-fixture`), and a users.json of M users that each get that mailbox's folders through a
/// symbolic link. Every mailbox holds the same mail (its own address is then not the one in its messages), which
/// is what a sync load needs: M mailboxes' worth of pages, rows and requests, without M generator runs or M copies on disk.
/// </summary>
internal static class LoadFixture
{
    public static string Ensure(string appDll, string work, int mailboxes, int messages, int events)
    {
        var fixture = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"fixture-load-{mailboxes}x{messages}x{events}"));
        if (File.Exists(Path.Combine(fixture, "users.json")))
        {
            return fixture;
        }

        var template = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"fixture-load-template-{messages}-{events}"));
        if (!File.Exists(Path.Combine(template, "users.json")))
        {
            Console.Error.WriteLine($"Generating a {messages}-message, {events}-event mailbox ...");
            using var generate = Process.Start(new ProcessStartInfo("dotnet", $"\"{appDll}\" demo-fixture --out \"{template}\" --messages {messages} --events {events}") { UseShellExecute = false })
                ?? throw new InvalidOperationException("could not start dotnet");
            generate.WaitForExit();
            if (generate.ExitCode != 0)
            {
                throw new InvalidOperationException($"demo-fixture exited with {generate.ExitCode}");
            }
        }

        var templateUser = JsonNode.Parse(File.ReadAllText(Path.Combine(template, "users.json")))!["value"]!.AsArray()[0]!.AsObject();
        var templateFolder = Path.Combine(template, "users", templateUser["id"]!.GetValue<string>());
        if (Directory.Exists(fixture))
        {
            Directory.Delete(fixture, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(fixture, "users"));
        var users = new JsonArray();
        for (var i = 1; i <= mailboxes; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{i:D12}");
            var address = string.Create(CultureInfo.InvariantCulture, $"user{i:D5}@contoso.example");
            var user = templateUser.DeepClone().AsObject();
            user["id"] = id;
            user["displayName"] = string.Create(CultureInfo.InvariantCulture, $"User {i:D5}");
            user["mail"] = address;
            user["userPrincipalName"] = address;
            user["proxyAddresses"] = new JsonArray("SMTP:" + address);
            users.Add(user);
            Directory.CreateSymbolicLink(Path.Combine(fixture, "users", id), templateFolder);
        }

        // users.json last: its presence marks a complete fixture.
        File.WriteAllText(Path.Combine(fixture, "users.json"), new JsonObject { ["value"] = users }.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        return fixture;
    }

    /// <summary>Messages per synced folder and events of the template mailbox (each of the M mailboxes holds the same).</summary>
    public static (long Inbox, long SentItems, long Events) Counts(string fixture)
    {
        var user = Directory.GetDirectories(Path.Combine(fixture, "users")).Order(StringComparer.Ordinal).First();
        return (
            ArrayLength(Path.Combine(user, "mailFolders", "inbox", "messages.json")),
            ArrayLength(Path.Combine(user, "mailFolders", "sentitems", "messages.json")),
            ArrayLength(Path.Combine(user, "calendarView.json")));
    }

    private static long ArrayLength(string file)
    {
        if (!File.Exists(file))
        {
            return 0;
        }

        using var stream = File.OpenRead(file);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("value").GetArrayLength();
    }
}
