using System.Text.Json;
using NetworkSync.GraphEmulator.Storage;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// GET /users/{id}/mailFolders and /mailFolders/{well-known name or id}: the mailFolder resource, so a
/// client can turn well-known names into the stable folder ids the emulator uses.
/// </summary>
internal static class MailFolderEndpoint
{
    public static GraphResponse Handle(GraphCall call, MailboxData mailbox)
    {
        if (call.Route.Folder is null)
        {
            return GraphResponse.Json(200, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("@odata.context", $"{call.Origin}/v1.0/$metadata#users('{mailbox.UserId}')/mailFolders");
                writer.WriteStartArray("value");
                foreach (var folder in mailbox.Folders.OrderBy(f => f.DisplayName, StringComparer.Ordinal))
                {
                    writer.WriteStartObject();
                    WriteFolder(writer, mailbox, folder);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
        }

        var found = mailbox.FindFolder(call.Route.Folder);
        if (found is null)
        {
            return GraphErrors.Create(call, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
        }

        return GraphResponse.Json(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", $"{call.Origin}/v1.0/$metadata#users('{mailbox.UserId}')/mailFolders/$entity");
            WriteFolder(writer, mailbox, found);
            writer.WriteEndObject();
        });
    }

    private static void WriteFolder(Utf8JsonWriter writer, MailboxData mailbox, MailFolderData folder)
    {
        writer.WriteString("id", folder.Id);
        writer.WriteString("displayName", folder.DisplayName);
        writer.WriteString("parentFolderId", RootFolderId(mailbox));
        writer.WriteNumber("childFolderCount", 0);
        writer.WriteNumber("unreadItemCount", 0);
        writer.WriteNumber("totalItemCount", folder.Messages.Count);
        writer.WriteBoolean("isHidden", false);
    }

    private static string RootFolderId(MailboxData mailbox) => $"AAMkAGroot{mailbox.UserId}";
}
