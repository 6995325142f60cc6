namespace NetworkSync.GraphEmulator;

/// <summary>What a request addressed; used by the request log and to target faults.</summary>
public enum EndpointKind
{
    Token,
    Users,
    User,
    Me,
    MessagesDelta,
    CalendarViewDelta,
    MailFolder,
    Admin,
    Other,

    // Added after Other so the numbers of the older kinds stay what they were.

    /// <summary>GET /users/{id}/mailboxSettings.</summary>
    MailboxSettings,

    /// <summary>GET and POST /users/{id}/todo/lists.</summary>
    TodoLists,

    /// <summary>GET, PATCH and DELETE /users/{id}/todo/lists/{listId}.</summary>
    TodoList,

    /// <summary>GET and POST /users/{id}/todo/lists/{listId}/tasks.</summary>
    TodoTasks,

    /// <summary>GET, PATCH and DELETE /users/{id}/todo/lists/{listId}/tasks/{taskId}.</summary>
    TodoTask,

    /// <summary>GET /users/{id}/todo/lists/{listId}/tasks/delta.</summary>
    TodoTasksDelta,

    /// <summary>GET and POST /users/{id}/todo/lists/{listId}/tasks/{taskId}/linkedResources.</summary>
    TodoLinkedResources,

    /// <summary>GET /{tenant}/v2.0/.well-known/openid-configuration (the API token issuer's OpenID Connect metadata; no token needed).</summary>
    OpenIdConfiguration,

    /// <summary>GET /{tenant}/discovery/v2.0/keys (the API token issuer's JWKS; no token needed).</summary>
    SigningKeys,

    /// <summary>POST and GET /subscriptions; GET, PATCH and DELETE /subscriptions/{id} (change notifications).</summary>
    Subscriptions,
}
