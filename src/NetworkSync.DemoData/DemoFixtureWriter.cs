using System.Text.Json;
using NetworkSync.DemoData.Generation;
using NetworkSync.DemoData.Identity;
using NetworkSync.DemoData.Json;
using NetworkSync.DemoData.Mail;
using NetworkSync.DemoData.Truth;

namespace NetworkSync.DemoData;

/// <summary>
/// Writes a demo mailbox as a Graph fixture folder (contract: graph-fixture.md) plus <c>planted-truth.json</c>:
/// <code>
/// folder/users.json
/// folder/users/&lt;id&gt;/mailFolders/{inbox,sentitems,archive,deleteditems}/messages.json
/// folder/users/&lt;id&gt;/calendarView.json
/// folder/users/&lt;id&gt;/mailboxSettings.json   (optional in the contract: the owner's zone and working hours)
/// folder/planted-truth.json
/// </code>
/// Files are streamed with <see cref="Utf8JsonWriter"/>; existing files at those paths are overwritten, nothing else is touched.
/// </summary>
public static class DemoFixtureWriter
{
    public const string TruthFileName = "planted-truth.json";

    private const int FileBufferSize = 1 << 16;

    public static DemoFixtureSummary Write(string folder, DemoMailboxOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);
        var mailbox = DemoMailboxGenerator.Generate(options);
        var owner = mailbox.Cast.Owner;
        var userFolder = Path.Combine(folder, "users", owner.Id);
        Directory.CreateDirectory(userFolder);

        WriteFile(Path.Combine(folder, "users.json"), GraphJsonFormat.ReadableOptions, writer => WriteValue(writer, () => GraphUserJson.Write(writer, owner)));
        foreach (var mailFolder in MailFolder.All)
        {
            var folderPath = Path.Combine(userFolder, "mailFolders", mailFolder);
            Directory.CreateDirectory(folderPath);
            var parentFolderId = GraphIdFactory.NamedOpaque(options.Seed, "folder:" + mailFolder, 32);
            WriteFile(Path.Combine(folderPath, "messages.json"), GraphJsonFormat.CompactOptions, writer => WriteValue(writer, () =>
            {
                foreach (var message in mailbox.Messages)
                {
                    if (message.Folder == mailFolder)
                    {
                        GraphMessageJson.Write(writer, message, "AAMkAD" + parentFolderId);
                    }
                }
            }));
        }

        WriteFile(Path.Combine(userFolder, "calendarView.json"), GraphJsonFormat.CompactOptions, writer => WriteValue(writer, () =>
        {
            foreach (var calendarEvent in mailbox.Events)
            {
                GraphEventJson.Write(writer, calendarEvent);
            }
        }));

        WriteFile(Path.Combine(userFolder, "mailboxSettings.json"), GraphJsonFormat.ReadableOptions, GraphMailboxSettingsJson.Write);

        var truthPath = Path.GetFullPath(Path.Combine(folder, TruthFileName));
        using (var truthStream = new FileStream(truthPath, FileMode.Create, FileAccess.Write, FileShare.None, FileBufferSize))
        {
            PlantedTruthJson.Write(truthStream, owner, mailbox.Period, mailbox.Seed, mailbox.Truth, mailbox.Cast.Bystanders);
        }

        return new DemoFixtureSummary(owner.Id, owner.Primary.Address, mailbox.Messages.Count, mailbox.Events.Count, mailbox.Truth.Count, truthPath);
    }

    private static void WriteFile(string path, JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, FileBufferSize);
        using var writer = new Utf8JsonWriter(stream, options);
        write(writer);
        writer.Flush();
    }

    /// <summary>Graph's collection envelope: <c>{ "value": [ ... ] }</c>.</summary>
    private static void WriteValue(Utf8JsonWriter writer, Action writeItems)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("value");
        writeItems();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
