using System.Text.Json;

namespace NetworkSync.DemoData.Tests;

/// <summary>A fixture written to a temporary folder and parsed back, as a consumer would read it.</summary>
public class GeneratedFixture : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public GeneratedFixture(DemoMailboxOptions options)
    {
        Options = options;
        Summary = DemoFixtureWriter.Write(_folder.Path, options);
        Users = Parse(System.IO.Path.Combine(_folder.Path, "users.json"));
        UserFolder = System.IO.Path.Combine(_folder.Path, "users", Summary.UserId);
        foreach (var folder in Folders)
        {
            var document = Parse(System.IO.Path.Combine(UserFolder, "mailFolders", folder, "messages.json"));
            MessagesByFolder[folder] = document.RootElement.GetProperty("value").EnumerateArray().ToList();
        }

        Calendar = Parse(System.IO.Path.Combine(UserFolder, "calendarView.json"));
        MailboxSettings = Parse(System.IO.Path.Combine(UserFolder, "mailboxSettings.json"));
        Truth = Parse(Summary.TruthPath);
    }

    public static IReadOnlyList<string> Folders { get; } = ["inbox", "sentitems", "archive", "deleteditems"];

    public DemoMailboxOptions Options { get; }

    public DemoFixtureSummary Summary { get; }

    public string Path => _folder.Path;

    public string UserFolder { get; }

    public JsonDocument Users { get; }

    public Dictionary<string, List<JsonElement>> MessagesByFolder { get; } = [];

    public IEnumerable<JsonElement> Messages => MessagesByFolder.Values.SelectMany(messages => messages);

    public JsonDocument Calendar { get; }

    public IEnumerable<JsonElement> Events => Calendar.RootElement.GetProperty("value").EnumerateArray();

    public JsonDocument MailboxSettings { get; }

    public JsonDocument Truth { get; }

    public IEnumerable<JsonElement> TruthContacts => Truth.RootElement.GetProperty("contacts").EnumerateArray();

    public HashSet<string> OwnerAddresses =>
        Truth.RootElement.GetProperty("mailbox").GetProperty("aliases").EnumerateArray().Select(alias => alias.GetString()!)
            .Append(Summary.Mail)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Users.Dispose();
            Calendar.Dispose();
            MailboxSettings.Dispose();
            Truth.Dispose();
            _folder.Dispose();
        }
    }

    private static JsonDocument Parse(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonDocument.Parse(stream);
    }
}
