using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// /_emulator/...: drives an emulator running in another process (mutations, To Do changes as the user's
/// app would make them, mailbox settings, faults, request log, access tokens for the service's API).
/// Needs no token. Not part of Graph.
/// </summary>
internal sealed class AdminEndpoint(GraphEmulator emulator)
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<GraphResponse> HandleAsync(GraphCall call)
    {
        var method = call.Http.Request.Method;
        var s = call.Route.Segments.AsSpan(1);
        try
        {
            return (method, s.Length) switch
            {
                ("GET", 1) when Is(s[0], "health") => Ok(new { status = "ok" }),
                ("GET", 1) when Is(s[0], "problems") => Ok(emulator.LoadProblems),
                ("GET", 1) when Is(s[0], "requests") => Ok(emulator.Requests.Snapshot()),
                ("DELETE", 1) when Is(s[0], "requests") => Clear(emulator.Requests.Clear),
                ("GET", 1) when Is(s[0], "notifications") => Ok(emulator.Notifications.Snapshot()),
                ("DELETE", 1) when Is(s[0], "notifications") => Clear(emulator.Notifications.Clear),
                ("GET", 1) when Is(s[0], "subscriptions") => Ok(emulator.Subscriptions.Snapshot()),
                ("POST", 3) when Is(s[0], "subscriptions") && Is(s[2], "lifecycle") =>
                    await LifecycleAsync(call, s[1], await ReadObjectAsync(call).ConfigureAwait(false)).ConfigureAwait(false),
                ("POST", 1) when Is(s[0], "faults") => AddFault(await ReadAsync<FaultRule>(call).ConfigureAwait(false)),
                ("DELETE", 1) when Is(s[0], "faults") => Clear(emulator.Faults.Clear),
                ("POST", 2) when Is(s[0], "faults") && Is(s[1], "random") => UseRandom(await ReadAsync<RandomFaultsRequest>(call).ConfigureAwait(false)),
                ("POST", 1) when Is(s[0], "api-tokens") => IssueApiToken(await ReadAsync<ApiTokenRequest>(call).ConfigureAwait(false)),
                ("OPTIONS", 1) when Is(s[0], "api-tokens") => CorsPreflight(),
                ("POST", 1) when Is(s[0], "users") => AddUser(await ReadObjectAsync(call).ConfigureAwait(false)),
                ("GET", 3) when Is(s[0], "users") && Is(s[2], "counts") => Counts(s[1]),
                ("POST", 5) when Is(s[0], "users") && Is(s[2], "mailFolders") && Is(s[4], "messages") =>
                    UpsertMessage(s[1], s[3], await ReadObjectAsync(call).ConfigureAwait(false)),
                ("DELETE", 4) when Is(s[0], "users") && Is(s[2], "messages") =>
                    emulator.Tenant.DeleteMessage(s[1], s[3]) ? GraphResponse.Empty(204) : NotFound(call, s[3]),
                ("POST", 5) when Is(s[0], "users") && Is(s[2], "messages") && Is(s[4], "move") =>
                    Move(call, s[1], s[3], await ReadObjectAsync(call).ConfigureAwait(false)),
                ("POST", 3) when Is(s[0], "users") && Is(s[2], "events") => UpsertEvent(s[1], await ReadObjectAsync(call).ConfigureAwait(false)),
                ("DELETE", 4) when Is(s[0], "users") && Is(s[2], "events") =>
                    emulator.Tenant.DeleteEvent(s[1], s[3]) ? GraphResponse.Empty(204) : NotFound(call, s[3]),
                ("GET", 3) when Is(s[0], "users") && Is(s[2], "mailboxSettings") => Ok(emulator.Tenant.GetMailboxSettings(s[1])),
                ("PUT", 3) when Is(s[0], "users") && Is(s[2], "mailboxSettings") =>
                    SetMailboxSettings(s[1], await ReadObjectAsync(call).ConfigureAwait(false)),
                (_, >= 4) when Is(s[0], "users") && Is(s[2], "todo") && Is(s[3], "lists") => await TodoAsync(call, method, s[1], s[4..].ToArray()).ConfigureAwait(false),
                _ => GraphErrors.NotFound(call, call.Http.Request.Path),
            };
        }
        catch (KeyNotFoundException ex)
        {
            return GraphErrors.Create(call, 404, "ResourceNotFound", ex.Message);
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException or NotSupportedException)
        {
            return GraphErrors.Create(call, 400, "BadRequest", ex.Message);
        }
    }

    private static bool Is(string segment, string expected) => segment.Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static GraphResponse Ok<T>(T value) =>
        GraphResponse.Json(200, writer => JsonSerializer.Serialize(writer, value, JsonOptions), contentType: "application/json");

    private static GraphResponse Clear(Action clear)
    {
        clear();
        return GraphResponse.Empty(204);
    }

    private static GraphResponse NotFound(GraphCall call, string id) =>
        GraphErrors.Create(call, 404, "ErrorItemNotFound", $"No item '{id}'.");

    private static async Task<T> ReadAsync<T>(GraphCall call) =>
        await JsonSerializer.DeserializeAsync<T>(call.Http.Request.Body, JsonOptions, call.Http.RequestAborted).ConfigureAwait(false)
        ?? throw new JsonException("The request body is empty.");

    private static async Task<JsonObject> ReadObjectAsync(GraphCall call) =>
        (await JsonNode.ParseAsync(call.Http.Request.Body, cancellationToken: call.Http.RequestAborted).ConfigureAwait(false)) as JsonObject
        ?? throw new JsonException("The request body must be a JSON object.");

    private GraphResponse AddFault(FaultRule rule)
    {
        emulator.Faults.Add(rule);
        return GraphResponse.Empty(204);
    }

    private GraphResponse UseRandom(RandomFaultsRequest request)
    {
        emulator.Faults.RandomAfterCommitShare = request.AfterCommitShare;
        emulator.Faults.UseRandom(request.Seed, request.Probability, request.Kinds ?? [FaultKind.TooManyRequests]);
        return GraphResponse.Empty(204);
    }

    /// <summary>
    /// An access token for the service's API, as <see cref="ApiTokenIssuer.Issue"/> makes it, in the token
    /// endpoint's answer shape. Readable from a page on another origin (the add-in's browser tests).
    /// </summary>
    private GraphResponse IssueApiToken(ApiTokenRequest request)
    {
        var (token, expiresAt) = emulator.ApiTokens.Create(request);
        var expiresIn = Math.Max(0, (long)(expiresAt - emulator.ApiTokens.Now).TotalSeconds);
        return GraphResponse.Json(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("token_type", "Bearer");
            writer.WriteNumber("expires_in", expiresIn);
            writer.WriteString("access_token", token);
            writer.WriteEndObject();
        }, contentType: "application/json; charset=utf-8").WithHeader("Access-Control-Allow-Origin", "*");
    }

    /// <summary>Lets a browser POST JSON to /_emulator/api-tokens from another origin.</summary>
    private static GraphResponse CorsPreflight() =>
        GraphResponse.Empty(204)
            .WithHeader("Access-Control-Allow-Origin", "*")
            .WithHeader("Access-Control-Allow-Methods", "POST")
            .WithHeader("Access-Control-Allow-Headers", "content-type")
            .WithHeader("Access-Control-Max-Age", "600");

    private GraphResponse AddUser(JsonObject user)
    {
        emulator.Tenant.AddUser(user);
        return Ok(new { id = user["id"]?.GetValue<string>() });
    }

    private GraphResponse Counts(string user)
    {
        var tenant = emulator.Tenant;
        var mailbox = tenant.FindMailbox(user) ?? throw new KeyNotFoundException($"No user '{user}' in the emulated tenant.");
        var folders = mailbox.Folders.ToDictionary(f => f.Name, f => f.Messages.Count, StringComparer.Ordinal);
        return Ok(new { folders, events = mailbox.Events.Count, todoTasks = mailbox.Todo.Lists.Sum(l => l.Tasks.Count) });
    }

    private GraphResponse UpsertMessage(string user, string folder, JsonObject message)
    {
        emulator.Tenant.UpsertMessage(user, folder, message);
        return Ok(new { id = message["id"]?.GetValue<string>() });
    }

    private GraphResponse Move(GraphCall call, string user, string messageId, JsonObject body)
    {
        var destination = body["destinationId"]?.GetValue<string>() ?? throw new ArgumentException("destinationId is required.");
        var newId = emulator.Tenant.MoveMessage(user, messageId, destination);
        return newId is null ? NotFound(call, messageId) : Ok(new { id = newId });
    }

    /// <summary>
    /// Sends a lifecycle notification and answers with the last delivery attempt. 404 for an unknown
    /// subscription, 400 for an unknown event or a subscription without a lifecycleNotificationUrl.
    /// </summary>
    private async Task<GraphResponse> LifecycleAsync(GraphCall call, string subscriptionId, JsonObject body)
    {
        var lifecycleEvent = body["lifecycleEvent"]?.GetValue<string>() ?? throw new ArgumentException("lifecycleEvent is required.");
        try
        {
            return Ok(await emulator.Subscriptions.SendLifecycleAsync(subscriptionId, lifecycleEvent, call.Http.RequestAborted).ConfigureAwait(false));
        }
        catch (InvalidOperationException ex)
        {
            return GraphErrors.Create(call, 400, "BadRequest", ex.Message);
        }
    }

    private GraphResponse UpsertEvent(string user, JsonObject ev)
    {
        emulator.Tenant.UpsertEvent(user, ev);
        return Ok(new { id = ev["id"]?.GetValue<string>() });
    }

    /// <summary>
    /// <c>users/{user}/todo/lists/...</c>: <c>lists</c> (GET snapshots, POST {"displayName"}), <c>{list}/tasks</c>
    /// (GET snapshots, POST task JSON), <c>{list}/tasks/{task}</c> (GET, PATCH, DELETE) and
    /// <c>{list}/tasks/{task}/complete</c> (POST), as the To Do app would make them.
    /// </summary>
    private async Task<GraphResponse> TodoAsync(GraphCall call, string method, string user, string[] rest)
    {
        var tenant = emulator.Tenant;
        return (method, rest.Length) switch
        {
            ("GET", 0) => Ok(tenant.GetTodoLists(user)),
            ("POST", 0) => Ok(tenant.CreateTodoList(user, (await ReadObjectAsync(call).ConfigureAwait(false))["displayName"]?.GetValue<string>()
                ?? throw new ArgumentException("displayName is required."))),
            ("GET", 2) when Is(rest[1], "tasks") => Ok(tenant.GetTodoTasks(user, rest[0])),
            ("POST", 2) when Is(rest[1], "tasks") => Ok(tenant.CreateTodoTask(user, rest[0], await ReadObjectAsync(call).ConfigureAwait(false))),
            ("GET", 3) when Is(rest[1], "tasks") => OkOrNotFound(call, rest[2], tenant.GetTodoTask(user, rest[0], rest[2])),
            ("PATCH", 3) when Is(rest[1], "tasks") =>
                OkOrNotFound(call, rest[2], tenant.UpdateTodoTask(user, rest[0], rest[2], await ReadObjectAsync(call).ConfigureAwait(false))),
            ("DELETE", 3) when Is(rest[1], "tasks") => tenant.DeleteTodoTask(user, rest[0], rest[2]) ? GraphResponse.Empty(204) : NotFound(call, rest[2]),
            ("POST", 4) when Is(rest[1], "tasks") && Is(rest[3], "complete") => OkOrNotFound(call, rest[2], tenant.CompleteTodoTask(user, rest[0], rest[2])),
            _ => GraphErrors.NotFound(call, call.Http.Request.Path),
        };
    }

    private static GraphResponse OkOrNotFound(GraphCall call, string id, JsonObject? value) => value is null ? NotFound(call, id) : Ok(value);

    private GraphResponse SetMailboxSettings(string user, JsonObject settings)
    {
        emulator.Tenant.SetMailboxSettings(user, settings);
        return GraphResponse.Empty(204);
    }

    private sealed record RandomFaultsRequest(int Seed, double Probability, FaultKind[]? Kinds, double AfterCommitShare = 0);
}
