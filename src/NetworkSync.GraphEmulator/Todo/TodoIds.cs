using System.Security.Cryptography;
using System.Text;

namespace NetworkSync.GraphEmulator.Todo;

/// <summary>Graph-looking ids and etags for To Do objects.</summary>
internal static class TodoIds
{
    /// <summary>
    /// The default "Tasks" list gets an id derived from the user, like the mail folders, so it is the
    /// same after an emulator restart; lists and tasks created later get random ids.
    /// </summary>
    public static string DefaultListId(string userId) =>
        "AAMkAG" + Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}/todo/defaultList"))) + "AAA=";

    public static string NewListId() => "AAMkAG" + Base64Url(RandomNumberGenerator.GetBytes(32)) + "AAA=";

    public static string NewTaskId() => "AAMkAG" + Base64Url(RandomNumberGenerator.GetBytes(48)) + "AAA=";

    /// <summary>linkedResource ids are GUIDs in Graph.</summary>
    public static string NewLinkedResourceId() => Guid.NewGuid().ToString();

    /// <summary>A fresh weak etag: every version of a task or list gets a new one.</summary>
    public static string NewETag() => $"W/\"{Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))}\"";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
