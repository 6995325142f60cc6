using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.App.Hosting;
using NetworkSync.Application.Notifications;

namespace NetworkSync.App.Api;

/// <summary>
/// Microsoft Graph's webhooks: POST /api/notifications (changes) and /api/notifications/lifecycle. Graph
/// cannot sign in, so these take no token; a notification counts only if it names a subscription this
/// service made and carries that subscription's clientState. The subscription handshake (a
/// <c>validationToken</c> query parameter) is answered by echoing the token as plain text.
/// </summary>
public static class NotificationEndpoints
{
    /// <summary>Graph's validation tokens are a few hundred characters; anything far longer is not one.</summary>
    public const int MaxValidationTokenLength = 4096;

    public static void MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(NotificationAddress.NotificationsPath).WithTags("Notifications").AllowAnonymous();
        group.MapPost("/", ReceiveChangeNotifications)
            .WithName("ReceiveChangeNotifications")
            .WithSummary("Graph change notifications for this service's subscriptions; also answers the subscription handshake (?validationToken=).");
        group.MapPost("/lifecycle", ReceiveLifecycleNotifications)
            .WithName("ReceiveLifecycleNotifications")
            .WithSummary("Graph lifecycle notifications (missed, reauthorizationRequired, subscriptionRemoved); also answers the handshake.");
    }

    public static Task<Results<ContentHttpResult, Accepted, ProblemHttpResult>> ReceiveChangeNotifications(HttpRequest request, NotificationReceiver receiver, CancellationToken ct) =>
        HandleAsync(request, receiver, lifecycle: false, ct);

    public static Task<Results<ContentHttpResult, Accepted, ProblemHttpResult>> ReceiveLifecycleNotifications(HttpRequest request, NotificationReceiver receiver, CancellationToken ct) =>
        HandleAsync(request, receiver, lifecycle: true, ct);

    private static async Task<Results<ContentHttpResult, Accepted, ProblemHttpResult>> HandleAsync(
        HttpRequest request, NotificationReceiver receiver, bool lifecycle, CancellationToken ct)
    {
        if (request.Query.TryGetValue("validationToken", out var tokens))
        {
            return ValidationToken(tokens.Count == 1 ? tokens[0] : null);
        }

        if (request.HasJsonContentType() is false)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Not JSON", "Change notifications are posted as application/json.");
        }

        IReadOnlyList<ChangeNotification> notifications;
        try
        {
            notifications = await ChangeNotificationParser.ParseAsync(request.Body, ct).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limits (the 64 KB body cap) surface here, as the body is read.
            return Problem(ex.StatusCode, "Request refused", ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The post is larger than the service accepts." : "The request could not be read.");
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return Problem(StatusCodes.Status400BadRequest, "Not a notification post", ex is FormatException ? ex.Message : "The body is not valid JSON.");
        }

        var outcome = await receiver.ReceiveAsync(notifications, lifecycle, ct).ConfigureAwait(false);
        return outcome.Accepted > 0
            ? TypedResults.Accepted((string?)null)
            : Problem(StatusCodes.Status403Forbidden, "Notification rejected", "No notification named a subscription of this service with its clientState.");
    }

    /// <summary>Echoes a plausible token only: plain text (never HTML), printable characters, bounded length.</summary>
    private static Results<ContentHttpResult, Accepted, ProblemHttpResult> ValidationToken(string? token) =>
        string.IsNullOrEmpty(token) || token.Length > MaxValidationTokenLength || token.Any(char.IsControl)
            ? Problem(StatusCodes.Status400BadRequest, "Bad validation token", $"validationToken must be one value of 1 to {MaxValidationTokenLength} printable characters.")
            : TypedResults.Text(token, "text/plain; charset=utf-8", null, StatusCodes.Status200OK);

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
