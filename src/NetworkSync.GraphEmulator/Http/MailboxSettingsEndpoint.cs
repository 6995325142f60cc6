using System.Text.Json;
using NetworkSync.GraphEmulator.Storage;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// GET /users/{id}/mailboxSettings (learn.microsoft.com/graph/api/user-get-mailboxsettings): the
/// fixture's or in-process settings, else UTC and Monday-Friday 08:00-17:00. $select picks top-level properties.
/// </summary>
internal static class MailboxSettingsEndpoint
{
    public static GraphResponse Handle(GraphCall call, MailboxData mailbox)
    {
        var select = SelectList.Parse(call.Query("$select"));
        using var settings = JsonDocument.Parse(mailbox.MailboxSettings ?? MailboxSettingsJson.Default);
        return GraphResponse.Json(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", $"{call.Origin}/v1.0/$metadata#users('{mailbox.UserId}')/mailboxSettings");
            foreach (var property in settings.RootElement.EnumerateObject())
            {
                if (!property.Name.StartsWith("@odata.", StringComparison.Ordinal) && (select is null || select.Contains(property.Name)))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        });
    }
}
