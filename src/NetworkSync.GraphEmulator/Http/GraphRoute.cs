using Microsoft.AspNetCore.Http;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// What a request path addresses. Graph paths are matched case-insensitively, and both the
/// <c>segment/key</c> and OData <c>segment('key')</c> forms are accepted, as are the three spellings
/// of the delta function (<c>delta</c>, <c>delta()</c> as the v6 SDK sends it, <c>microsoft.graph.delta()</c>).
/// </summary>
internal sealed record GraphRoute(
    EndpointKind Endpoint, string? UserKey, bool IsMe, string? Folder, string[] Segments, string? TodoListId = null, string? TodoTaskId = null)
{
    public bool IsGraph => Segments.Length > 0 && Segments[0].Equals("v1.0", StringComparison.OrdinalIgnoreCase);

    /// <summary>For <see cref="EndpointKind.Subscriptions"/>: the id in <c>/subscriptions/{id}</c>, or null for the collection.</summary>
    public string? SubscriptionId => Endpoint == EndpointKind.Subscriptions && Segments.Length == 3 ? Segments[2] : null;

    /// <summary>Whether the endpoint answers this method; the others get 405. Only the To Do and subscription endpoints take more than GET.</summary>
    public bool Allows(string method) => Endpoint switch
    {
        EndpointKind.TodoLists or EndpointKind.TodoTasks or EndpointKind.TodoLinkedResources => HttpMethods.IsGet(method) || HttpMethods.IsPost(method),
        EndpointKind.TodoList or EndpointKind.TodoTask => HttpMethods.IsGet(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method),
        EndpointKind.Subscriptions when SubscriptionId is null => HttpMethods.IsGet(method) || HttpMethods.IsPost(method),
        EndpointKind.Subscriptions => HttpMethods.IsGet(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method),
        _ => HttpMethods.IsGet(method),
    };

    public static GraphRoute Parse(string path)
    {
        var segments = Normalize(path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        if (segments.Length > 0 && segments[0].Equals("_emulator", StringComparison.OrdinalIgnoreCase))
        {
            return new GraphRoute(EndpointKind.Admin, null, false, null, segments);
        }

        if (segments.Length == 4 && Is(segments[1], "oauth2") && Is(segments[2], "v2.0") && Is(segments[3], "token"))
        {
            return new GraphRoute(EndpointKind.Token, null, false, null, segments);
        }

        if (segments.Length == 4 && Is(segments[1], "v2.0") && Is(segments[2], ".well-known") && Is(segments[3], "openid-configuration"))
        {
            return new GraphRoute(EndpointKind.OpenIdConfiguration, null, false, null, segments);
        }

        if (segments.Length == 4 && Is(segments[1], "discovery") && Is(segments[2], "v2.0") && Is(segments[3], "keys"))
        {
            return new GraphRoute(EndpointKind.SigningKeys, null, false, null, segments);
        }

        if (segments.Length < 2 || !Is(segments[0], "v1.0"))
        {
            return new GraphRoute(EndpointKind.Other, null, false, null, segments);
        }

        var rest = segments.AsSpan(1);
        if (Is(rest[0], "subscriptions") && rest.Length <= 2)
        {
            return new GraphRoute(EndpointKind.Subscriptions, null, false, null, segments);
        }

        string? user = null;
        var isMe = false;
        if (Is(rest[0], "me"))
        {
            isMe = true;
            rest = rest[1..];
        }
        else if (Is(rest[0], "users"))
        {
            if (rest.Length == 1)
            {
                return new GraphRoute(EndpointKind.Users, null, false, null, segments);
            }

            user = rest[1];
            rest = rest[2..];
        }
        else
        {
            return new GraphRoute(EndpointKind.Other, null, false, null, segments);
        }

        var endpoint = rest.Length switch
        {
            0 => isMe ? EndpointKind.Me : EndpointKind.User,
            1 when Is(rest[0], "mailFolders") => EndpointKind.MailFolder,
            2 when Is(rest[0], "mailFolders") => EndpointKind.MailFolder,
            4 when Is(rest[0], "mailFolders") && Is(rest[2], "messages") && IsDelta(rest[3]) => EndpointKind.MessagesDelta,
            2 when Is(rest[0], "calendarView") && IsDelta(rest[1]) => EndpointKind.CalendarViewDelta,
            3 when Is(rest[0], "calendar") && Is(rest[1], "calendarView") && IsDelta(rest[2]) => EndpointKind.CalendarViewDelta,
            1 when Is(rest[0], "mailboxSettings") => EndpointKind.MailboxSettings,
            >= 2 when Is(rest[0], "todo") && Is(rest[1], "lists") => TodoEndpoint(rest[2..]),
            _ => EndpointKind.Other,
        };
        var folder = (endpoint is EndpointKind.MailFolder or EndpointKind.MessagesDelta) && rest.Length >= 2 ? rest[1] : null;
        var isTodo = endpoint is EndpointKind.TodoList or EndpointKind.TodoTasks or EndpointKind.TodoTasksDelta
            or EndpointKind.TodoTask or EndpointKind.TodoLinkedResources;
        var listId = isTodo ? rest[2] : null;
        var taskId = endpoint is EndpointKind.TodoTask or EndpointKind.TodoLinkedResources ? rest[4] : null;
        return new GraphRoute(endpoint, user, isMe, folder, segments, listId, taskId);
    }

    /// <summary>The part after <c>todo/lists</c>: nothing, <c>{list}</c>, <c>{list}/tasks[/delta | /{task}[/linkedResources]]</c>.</summary>
    private static EndpointKind TodoEndpoint(ReadOnlySpan<string> rest) => rest.Length switch
    {
        0 => EndpointKind.TodoLists,
        1 => EndpointKind.TodoList,
        2 when Is(rest[1], "tasks") => EndpointKind.TodoTasks,
        3 when Is(rest[1], "tasks") && IsDelta(rest[2]) => EndpointKind.TodoTasksDelta,
        3 when Is(rest[1], "tasks") => EndpointKind.TodoTask,
        4 when Is(rest[1], "tasks") && Is(rest[3], "linkedResources") => EndpointKind.TodoLinkedResources,
        _ => EndpointKind.Other,
    };

    private static bool Is(string segment, string expected) => segment.Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static bool IsDelta(string segment) =>
        Is(segment, "delta") || Is(segment, "delta()") || Is(segment, "microsoft.graph.delta") || Is(segment, "microsoft.graph.delta()");

    /// <summary>Splits OData key segments like <c>mailFolders('inbox')</c> into <c>mailFolders</c>, <c>inbox</c>.</summary>
    private static string[] Normalize(string[] segments)
    {
        var result = new List<string>(segments.Length + 2);
        foreach (var segment in segments)
        {
            var open = segment.IndexOf("('", StringComparison.Ordinal);
            if (open > 0 && segment.EndsWith("')", StringComparison.Ordinal))
            {
                result.Add(segment[..open]);
                result.Add(segment[(open + 2)..^2]);
            }
            else
            {
                result.Add(segment);
            }
        }

        return [.. result];
    }
}
