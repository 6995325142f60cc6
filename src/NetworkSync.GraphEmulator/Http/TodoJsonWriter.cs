using System.Text.Json;
using NetworkSync.GraphEmulator.Storage;
using NetworkSync.GraphEmulator.Todo;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>Writes todoTaskList, todoTask and linkedResource objects in Graph's shape.</summary>
internal static class TodoJsonWriter
{
    private static readonly JsonEncodedText ODataType = JsonEncodedText.Encode("@odata.type");
    private static readonly JsonEncodedText TaskType = JsonEncodedText.Encode("#microsoft.graph.todoTask");
    private static readonly JsonEncodedText ETagName = JsonEncodedText.Encode("@odata.etag");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText LinkedResourcesName = JsonEncodedText.Encode("linkedResources");

    /// <summary>True when <c>$expand</c> names linkedResources, the only navigation the emulator expands.</summary>
    public static bool ExpandsLinkedResources(string? expand) =>
        expand is not null && expand.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(e => e.Equals("linkedResources", StringComparison.OrdinalIgnoreCase));

    public static void WriteListProperties(Utf8JsonWriter writer, TodoTaskListInfo list)
    {
        writer.WriteString(ETagName, list.ETag);
        writer.WriteString("displayName", list.DisplayName);
        writer.WriteBoolean("isOwner", true);
        writer.WriteBoolean("isShared", false);
        writer.WriteString("wellknownListName", list.WellknownListName);
        writer.WriteString(IdName, list.Id);
    }

    /// <summary>
    /// A task's properties (all, or the selected ones; id and the etag always), then linkedResources when
    /// expanded: Graph leaves them out unless the request has <c>$expand=linkedResources</c>.
    /// </summary>
    public static void WriteTaskProperties(Utf8JsonWriter writer, TodoTask task, SelectList? select, bool expand, bool withType = false)
    {
        if (withType)
        {
            writer.WriteString(ODataType, TaskType);
        }

        writer.WriteString(ETagName, task.ETag);
        task.Json.WriteProperties(writer, select);
        writer.WriteString(IdName, task.Id);
        if (expand)
        {
            writer.WriteStartArray(LinkedResourcesName);
            foreach (var resource in task.LinkedResources)
            {
                WriteLinkedResource(writer, resource);
            }

            writer.WriteEndArray();
        }
    }

    public static void WriteTask(Utf8JsonWriter writer, TodoTask task, SelectList? select, bool expand)
    {
        writer.WriteStartObject();
        WriteTaskProperties(writer, task, select, expand);
        writer.WriteEndObject();
    }

    public static void WriteLinkedResource(Utf8JsonWriter writer, JsonItem resource)
    {
        writer.WriteStartObject();
        resource.WriteProperties(writer, select: null);
        writer.WriteString(IdName, resource.Id);
        writer.WriteEndObject();
    }

    /// <summary>A deleted task in a delta round.</summary>
    public static void WriteRemoved(Utf8JsonWriter writer, string taskId)
    {
        writer.WriteStartObject();
        writer.WriteString(ODataType, TaskType);
        writer.WriteString(IdName, taskId);
        writer.WriteStartObject("@removed");
        writer.WriteString("reason", "deleted");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
