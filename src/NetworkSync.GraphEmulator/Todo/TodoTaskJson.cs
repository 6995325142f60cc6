using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Todo;

/// <summary>
/// The todoTask and linkedResource shapes (learn.microsoft.com/graph/api/resources/todotask): checks a
/// request body, builds a new task with the service-set properties, and merges a PATCH. Properties
/// the emulator does not know are kept as given, as fixtures' unknown properties are.
/// </summary>
internal static class TodoTaskJson
{
    public const string Completed = "completed";

    private static readonly string[] Statuses = ["notStarted", "inProgress", Completed, "waitingOnOthers", "deferred"];
    private static readonly string[] Importances = ["low", "normal", "high"];
    private static readonly string[] DateTimeTimeZoneProperties = ["dueDateTime", "reminderDateTime", "startDateTime", "completedDateTime"];
    private static readonly string[] LinkedResourceStrings = ["webUrl", "applicationName", "displayName", "externalId"];

    /// <summary>Set by the service: a request body cannot set them, so they are ignored there.</summary>
    private static readonly HashSet<string> ServiceSet = new(StringComparer.Ordinal)
    {
        "id", "createdDateTime", "lastModifiedDateTime", "bodyLastModifiedDateTime", "hasAttachments",
    };

    /// <summary>Checks the properties a client may send; <paramref name="creating"/> also requires a title.</summary>
    public static bool TryValidate(JsonObject body, bool creating, out string? reason)
    {
        if (creating && body["title"] is null)
        {
            reason = "The 'title' property is required.";
            return false;
        }

        foreach (var (name, value) in body)
        {
            reason = name switch
            {
                "title" => value?.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Trim().Length > 0 ? null : "'title' must be a non-empty string.",
                "status" => OneOf(value, Statuses, name),
                "importance" => OneOf(value, Importances, name),
                "isReminderOn" => value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : "'isReminderOn' must be a boolean.",
                "categories" => value is JsonArray categories && categories.All(c => c?.GetValueKind() == JsonValueKind.String) ? null : "'categories' must be an array of strings.",
                "body" => ValidateBody(value),
                "linkedResources" when !creating => "linkedResources cannot be changed with PATCH; use the task's linkedResources collection.",
                "linkedResources" => value is JsonArray resources ? resources.Select(ValidateLinkedResource).FirstOrDefault(r => r is not null) : "'linkedResources' must be an array.",
                _ when DateTimeTimeZoneProperties.Contains(name) => ValidateDateTimeTimeZone(value, name),
                _ => null,
            };
            if (reason is not null)
            {
                return false;
            }
        }

        reason = null;
        return true;
    }

    /// <summary>null when the node is a valid linkedResource body, else why not.</summary>
    public static string? ValidateLinkedResource(JsonNode? node)
    {
        if (node is not JsonObject resource)
        {
            return "A linkedResource must be a JSON object.";
        }

        foreach (var name in LinkedResourceStrings)
        {
            if (resource[name] is { } value && value.GetValueKind() != JsonValueKind.String)
            {
                return $"linkedResource '{name}' must be a string.";
            }
        }

        return null;
    }

    /// <summary>A new task from a validated POST body: service-set properties, defaults, then the client's values.</summary>
    public static JsonObject NewTask(JsonObject body, string id, DateTimeOffset now)
    {
        var stamp = Instant(now);
        var task = new JsonObject
        {
            ["id"] = id,
            ["importance"] = "normal",
            ["isReminderOn"] = false,
            ["status"] = "notStarted",
            ["title"] = string.Empty,
            ["createdDateTime"] = stamp,
            ["lastModifiedDateTime"] = stamp,
            ["hasAttachments"] = false,
            ["categories"] = new JsonArray(),
            ["bodyLastModifiedDateTime"] = stamp,
            ["body"] = new JsonObject { ["content"] = string.Empty, ["contentType"] = "text" },
        };
        Merge(task, body);
        ApplyCompletion(task, wasCompleted: false, body, now);
        return task;
    }

    /// <summary>The task after a validated PATCH: given properties replaced (null removes), completion and timestamps maintained.</summary>
    public static JsonObject Patch(JsonObject current, JsonObject patch, DateTimeOffset now)
    {
        var wasCompleted = current["status"]?.GetValue<string>() == Completed;
        Merge(current, patch);
        ApplyCompletion(current, wasCompleted, patch, now);
        if (patch.ContainsKey("body"))
        {
            current["bodyLastModifiedDateTime"] = Instant(now);
        }

        current["lastModifiedDateTime"] = Instant(now);
        return current;
    }

    /// <summary>A linkedResource as stored: the client's properties plus a new id.</summary>
    public static JsonObject NewLinkedResource(JsonObject body)
    {
        var resource = new JsonObject { ["id"] = TodoIds.NewLinkedResourceId() };
        foreach (var (name, value) in body)
        {
            if (name != "id" && !name.StartsWith("@odata.", StringComparison.Ordinal))
            {
                resource[name] = value?.DeepClone();
            }
        }

        return resource;
    }

    /// <summary>Graph's instant form for todoTask timestamps: UTC with seven fractional digits.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static void Merge(JsonObject task, JsonObject changes)
    {
        foreach (var (name, value) in changes)
        {
            if (ServiceSet.Contains(name) || name == "linkedResources" || name.StartsWith("@odata.", StringComparison.Ordinal))
            {
                continue;
            }

            if (value is null)
            {
                task.Remove(name);
            }
            else
            {
                task[name] = value.DeepClone();
            }
        }
    }

    /// <summary>
    /// Completing a task stamps completedDateTime (UTC, unless the client sent one); any other status
    /// clears it. A task that stays completed keeps the time it was first completed.
    /// </summary>
    private static void ApplyCompletion(JsonObject task, bool wasCompleted, JsonObject changes, DateTimeOffset now)
    {
        if (task["status"]?.GetValue<string>() != Completed)
        {
            task.Remove("completedDateTime");
            return;
        }

        if (!wasCompleted && changes["completedDateTime"] is null)
        {
            task["completedDateTime"] = new JsonObject
            {
                ["dateTime"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
                ["timeZone"] = "UTC",
            };
        }
    }

    private static string? OneOf(JsonNode? value, string[] allowed, string name) =>
        value?.GetValueKind() == JsonValueKind.String && allowed.Contains(value.GetValue<string>())
            ? null
            : $"'{name}' must be one of {string.Join(", ", allowed)}.";

    private static string? ValidateBody(JsonNode? value)
    {
        if (value is not JsonObject body)
        {
            return "'body' must be an itemBody object.";
        }

        if (body["content"] is { } content && content.GetValueKind() != JsonValueKind.String)
        {
            return "'body.content' must be a string.";
        }

        return body["contentType"] is { } type && !(type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() is "text" or "html")
            ? "'body.contentType' must be text or html."
            : null;
    }

    private static string? ValidateDateTimeTimeZone(JsonNode? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not JsonObject dateTimeTimeZone || dateTimeTimeZone["dateTime"] is not JsonValue dateTime
            || dateTime.GetValueKind() != JsonValueKind.String)
        {
            return $"'{name}' must be a dateTimeTimeZone object with a string dateTime.";
        }

        if (dateTimeTimeZone["timeZone"] is { } zone && zone.GetValueKind() != JsonValueKind.String)
        {
            return $"'{name}.timeZone' must be a string.";
        }

        // The zone name is not checked against a list: Graph takes any Windows or IANA name, and the
        // emulator's own map (for calendar windows) knows only the common ones.
        return DateTime.TryParse(dateTime.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _)
            ? null
            : $"'{name}.dateTime' is not an ISO 8601 date and time.";
    }
}
