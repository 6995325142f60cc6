using System.Security.Cryptography;
using System.Text;

namespace NetworkSync.GraphEmulator.Storage;

/// <summary>One mail folder: a stable id, its names and its change-tracked messages.</summary>
internal sealed class MailFolderData
{
    public MailFolderData(string userId, string name)
    {
        Name = name.ToLowerInvariant();
        DisplayName = WellKnownFolders.DisplayNames.TryGetValue(name, out var display) ? display : name;
        Id = StableId(userId, Name);
    }

    /// <summary>Graph-looking id derived from user and folder name, so it survives emulator restarts.</summary>
    public string Id { get; }

    /// <summary>The well-known (or given) name, lower case.</summary>
    public string Name { get; }

    public string DisplayName { get; }

    public ChangeTrackedCollection<MailMessage> Messages { get; } = new();

    private static string StableId(string userId, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}/{name}"));
        return "AAMkAG" + Convert.ToBase64String(hash).Replace('+', '-').Replace('/', '_').TrimEnd('=') + "AAA=";
    }
}
