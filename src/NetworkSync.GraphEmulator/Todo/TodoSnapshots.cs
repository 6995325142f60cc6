using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Todo;

/// <summary>Copies of To Do objects for the in-process API and /_emulator: plain Graph JSON, linkedResources always included.</summary>
internal static class TodoSnapshots
{
    public static JsonObject List(TodoTaskListInfo list) => new()
    {
        ["id"] = list.Id,
        ["displayName"] = list.DisplayName,
        ["isOwner"] = true,
        ["isShared"] = false,
        ["wellknownListName"] = list.WellknownListName,
    };

    public static JsonObject Task(TodoTask task)
    {
        var json = task.Json.ToJsonObject();
        json["linkedResources"] = new JsonArray([.. task.LinkedResources.Select(r => (JsonNode)r.ToJsonObject())]);
        return json;
    }
}
