using System.Globalization;
using System.Text.Json;
using NetworkSync.GraphEmulator.Storage;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>GET /users (paged, $select), GET /users/{id | userPrincipalName} and GET /me.</summary>
internal sealed class DirectoryEndpoints(EmulatorTenant tenant)
{
    private const int DefaultUsersPageSize = 100;
    private const int MaxUsersPageSize = 999;

    public GraphResponse ListUsers(GraphCall call)
    {
        var users = tenant.UserItems;
        var select = SelectList.Parse(call.Query("$select"));
        var offset = 0;
        if (call.Query("$skiptoken") is { } skipToken
            && (!int.TryParse(skipToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > users.Count))
        {
            return GraphErrors.Create(call, 400, "Directory_ExpiredPageToken", "The specified page token value has expired and can no longer be included in your request.");
        }

        var pageSize = DefaultUsersPageSize;
        if (call.Prefer.MaxPageSize is { } preferred)
        {
            pageSize = Math.Min(preferred, MaxUsersPageSize);
            call.PreferencesApplied.Add($"odata.maxpagesize={pageSize.ToString(CultureInfo.InvariantCulture)}");
        }
        else if (int.TryParse(call.Query("$top"), NumberStyles.None, CultureInfo.InvariantCulture, out var top) && top > 0)
        {
            pageSize = Math.Min(top, MaxUsersPageSize);
        }

        var page = users.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count;
        return GraphResponse.Json(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", $"{call.Origin}/v1.0/$metadata#users");
            if (next < users.Count)
            {
                // Keep $select in the link: for users Graph's nextLink repeats the query options.
                var selectPart = select is null ? string.Empty : $"$select={Uri.EscapeDataString(select.Text)}&";
                writer.WriteString("@odata.nextLink", $"{call.UrlWithoutQuery}?{selectPart}$top={pageSize.ToString(CultureInfo.InvariantCulture)}&$skiptoken={next.ToString(CultureInfo.InvariantCulture)}");
            }

            writer.WriteStartArray("value");
            foreach (var user in page)
            {
                WriteUser(writer, user, select);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public GraphResponse GetUser(GraphCall call, string userKey)
    {
        var user = tenant.FindUser(userKey);
        if (user is null)
        {
            return GraphErrors.Create(call, 404, "Request_ResourceNotFound",
                $"Resource '{userKey}' does not exist or one of its queried reference-property objects are not present.");
        }

        var select = SelectList.Parse(call.Query("$select"));
        return GraphResponse.Json(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", $"{call.Origin}/v1.0/$metadata#users/$entity");
            WriteUserBody(writer, user, select);
            writer.WriteEndObject();
        });
    }

    public GraphResponse GetMe(GraphCall call) =>
        call.Grant is { UserId: { } userId }
            ? GetUser(call, userId)
            : GraphErrors.Create(call, 400, "BadRequest", "/me request is only valid with delegated authentication flow.");

    private static void WriteUser(Utf8JsonWriter writer, JsonItem user, SelectList? select)
    {
        writer.WriteStartObject();
        WriteUserBody(writer, user, select);
        writer.WriteEndObject();
    }

    private static void WriteUserBody(Utf8JsonWriter writer, JsonItem user, SelectList? select)
    {
        // Graph leaves id out when $select omits it; the emulator always sends it so clients can key users.
        user.WriteProperties(writer, select);
        writer.WriteString("id", user.Id);
    }
}
