using NetworkSync.GraphEmulator.Subscriptions;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// The application permissions (app roles) each emulated request needs, when
/// <see cref="GraphEmulatorOptions.ApplicationPermissions"/> says which roles app-only tokens carry. Any one
/// of the listed roles suffices; the least privileged comes first. From each request's "Permissions" table:
/// message-delta and mailfolder-get (Mail.ReadBasic.All), event-delta (Calendars.ReadBasic),
/// user-get-mailboxsettings (MailboxSettings.Read), the To Do pages (Tasks.ReadWrite.All), user-list
/// (User.ReadBasic.All), and subscription-post-subscriptions: message Mail.ReadBasic, event Calendars.Read
/// (ReadBasic is not enough for event subscriptions).
/// </summary>
internal static class RequiredPermissions
{
    private static readonly string[] Mail = ["Mail.ReadBasic.All", "Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite"];
    private static readonly string[] Calendar = ["Calendars.ReadBasic.All", "Calendars.ReadBasic", "Calendars.Read", "Calendars.ReadWrite"];
    private static readonly string[] CalendarSubscription = ["Calendars.Read", "Calendars.ReadWrite"];
    private static readonly string[] Settings = ["MailboxSettings.Read", "MailboxSettings.ReadWrite"];
    private static readonly string[] TodoRead = ["Tasks.Read.All", "Tasks.ReadWrite.All"];
    private static readonly string[] TodoWrite = ["Tasks.ReadWrite.All"];
    private static readonly string[] Directory = ["User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All"];

    /// <summary>The roles one of which the request needs; null when the emulator does not check this endpoint.</summary>
    public static IReadOnlyList<string>? For(EndpointKind endpoint, string method) => endpoint switch
    {
        EndpointKind.MessagesDelta or EndpointKind.MailFolder => Mail,
        EndpointKind.CalendarViewDelta => Calendar,
        EndpointKind.MailboxSettings => Settings,
        EndpointKind.TodoLists or EndpointKind.TodoList or EndpointKind.TodoTasks or EndpointKind.TodoTask
            or EndpointKind.TodoTasksDelta or EndpointKind.TodoLinkedResources => FaultInjector.IsWrite(method) ? TodoWrite : TodoRead,
        EndpointKind.Users or EndpointKind.User => Directory,
        _ => null,
    };

    /// <summary>What a subscription to the collection needs (checked on create).</summary>
    public static IReadOnlyList<string> ForSubscription(SubscribedCollection collection) =>
        collection == SubscribedCollection.Events ? CalendarSubscription : Mail;

    /// <summary>
    /// The refusal when an app-only token lacks every role in <paramref name="needed"/>; null when permissions are
    /// not enforced, the token is delegated (scopes are not modelled) or it carries one of them.
    /// </summary>
    public static GraphResponse? Check(GraphCall call, GraphEmulatorOptions options, IReadOnlyList<string>? needed)
    {
        if (needed is null || options.ApplicationPermissions is not { } granted || call.Grant is not { IsDelegated: false })
        {
            return null;
        }

        return needed.Any(role => granted.Contains(role, StringComparer.OrdinalIgnoreCase))
            ? null
            : GraphErrors.Create(call, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    }
}
