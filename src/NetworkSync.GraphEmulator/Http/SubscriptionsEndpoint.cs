using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using NetworkSync.GraphEmulator.Subscriptions;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// Change-notification subscriptions (learn.microsoft.com/graph/api/subscription-post-subscriptions, -list,
/// -get, -update, -delete; graph/change-notifications-delivery-webhooks): <c>subscriptions</c> (POST, GET)
/// and <c>subscriptions/{id}</c> (GET, PATCH with a new expirationDateTime, DELETE). A POST is answered
/// only after the notification (and lifecycle) endpoint passed Graph's validation handshake.
/// </summary>
internal sealed class SubscriptionsEndpoint(EmulatorSubscriptions subscriptions, EmulatorTenant tenant, GraphEmulatorOptions options)
{
    private const string ValidationFailed =
        "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.";

    private const int MaxClientStateLength = 128;

    public async Task<GraphResponse> HandleAsync(GraphCall call)
    {
        var method = call.Http.Request.Method;
        var id = call.Route.SubscriptionId;
        if (id is null)
        {
            return HttpMethods.IsPost(method) ? await CreateAsync(call).ConfigureAwait(false) : List(call);
        }

        var subscription = subscriptions.Find(id);
        if (subscription is null)
        {
            return GraphErrors.Create(call, 404, "ResourceNotFound", $"The object was not found: subscription '{id}' does not exist or has expired.");
        }

        if (HttpMethods.IsDelete(method))
        {
            subscriptions.Remove(subscription.Id);
            return GraphResponse.Empty(204);
        }

        return HttpMethods.IsPatch(method) ? await RenewAsync(call, subscription).ConfigureAwait(false) : Entity(call, subscription, 200);
    }

    private GraphResponse List(GraphCall call) => GraphResponse.Json(200, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("@odata.context", $"{call.Origin}/v1.0/$metadata#subscriptions");
        writer.WriteStartArray("value");
        foreach (var subscription in subscriptions.Current())
        {
            writer.WriteStartObject();
            WriteProperties(writer, subscription, options.EchoClientStateOnRead);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private async Task<GraphResponse> CreateAsync(GraphCall call)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(call).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (!TryReadString(body!, "changeType", out var changeTypeText) || !TryReadString(body!, "notificationUrl", out var notificationText)
            || !TryReadString(body!, "resource", out var resourceText) || !TryReadString(body!, "expirationDateTime", out var expirationText)
            || !TryReadString(body!, "clientState", out var clientState) || !TryReadString(body!, "lifecycleNotificationUrl", out var lifecycleText))
        {
            return Invalid(call, "changeType, notificationUrl, resource, expirationDateTime, clientState and lifecycleNotificationUrl must be strings.");
        }

        foreach (var (name, value) in new[] { ("changeType", changeTypeText), ("notificationUrl", notificationText), ("resource", resourceText), ("expirationDateTime", expirationText) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return Invalid(call, $"The '{name}' property is required.");
            }
        }

        var resource = SubscriptionResource.TryParse(resourceText!);
        if (resource is null)
        {
            return Invalid(call, $"Resource '{resourceText}' is not supported. The emulator takes users/{{id}}/messages, users/{{id}}/mailFolders('{{folder}}')/messages and users/{{id}}/events (or me/… with a delegated token).");
        }

        // "Creating a subscription requires read permission to the resource" (subscription-post-subscriptions).
        var forbidden = RequiredPermissions.Check(call, options, RequiredPermissions.ForSubscription(resource.Collection));
        if (forbidden is not null)
        {
            return forbidden;
        }

        if (resource.IsMe && call.Grant is not { IsDelegated: true })
        {
            return GraphErrors.Create(call, 400, "BadRequest", "/me request is only valid with delegated authentication flow.");
        }

        var userId = resource.IsMe ? call.Grant!.UserId : tenant.ResolveUserId(resource.UserKey);
        var mailbox = userId is null ? null : tenant.FindMailbox(userId);
        if (mailbox is null)
        {
            return GraphErrors.Create(call, 404, "ErrorInvalidUser", $"The requested user '{resource.UserKey}' is invalid.");
        }

        // Like other user data, a delegated token may only subscribe to its own user's mailbox.
        if (call.Grant is { IsDelegated: true } grant && !string.Equals(grant.UserId, userId, StringComparison.OrdinalIgnoreCase))
        {
            return GraphErrors.Create(call, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }

        string? folderId = null;
        if (resource.Folder is not null)
        {
            folderId = mailbox.FindFolder(resource.Folder)?.Id;
            if (folderId is null)
            {
                return GraphErrors.Create(call, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
            }
        }

        if (!ChangeTypeList.TryParse(changeTypeText, out var changeTypes, out var changeTypeCanonical))
        {
            return Invalid(call, $"Invalid changeType '{changeTypeText}': expected a comma-separated list of created, updated and deleted.");
        }

        var notificationUrl = ParseNotificationUrl(notificationText!);
        if (notificationUrl is null)
        {
            return Invalid(call, "The notificationUrl must be an absolute https URL (the emulator also takes http on a loopback host).");
        }

        Uri? lifecycleUrl = null;
        if (lifecycleText is not null)
        {
            lifecycleUrl = ParseNotificationUrl(lifecycleText);
            if (lifecycleUrl is null)
            {
                return Invalid(call, "The lifecycleNotificationUrl must be an absolute https URL (the emulator also takes http on a loopback host).");
            }
        }

        var expirationError = CheckExpiration(call, expirationText!, out var expiration);
        if (expirationError is not null)
        {
            return expirationError;
        }

        if (clientState is { Length: > MaxClientStateLength })
        {
            return Invalid(call, $"The clientState can be at most {MaxClientStateLength} characters long.");
        }

        var ct = call.Http.RequestAborted;
        if (!await subscriptions.Sender.ValidateAsync(notificationUrl, ct).ConfigureAwait(false)
            || (lifecycleUrl is not null && !await subscriptions.Sender.ValidateAsync(lifecycleUrl, ct).ConfigureAwait(false)))
        {
            return GraphErrors.Create(call, 400, "ValidationError", ValidationFailed);
        }

        var applicationId = call.Grant?.ClientId ?? "00000000-0000-0000-0000-000000000000";
        var subscription = new StoredSubscription(expiration)
        {
            Id = Guid.NewGuid().ToString(),
            Number = subscriptions.NextNumber(),
            Resource = resourceText!,
            UserId = userId!,
            Collection = resource.Collection,
            FolderId = folderId,
            ChangeTypes = changeTypes,
            ChangeTypeText = changeTypeCanonical,
            NotificationUrl = notificationUrl,
            LifecycleNotificationUrl = lifecycleUrl,
            ClientState = clientState,
            ApplicationId = applicationId,
            CreatorId = call.Grant?.UserId ?? applicationId,
            ImmutableIds = call.Prefer.ImmutableId,
        };
        subscriptions.Add(subscription);
        return Entity(call, subscription, 201);
    }

    private async Task<GraphResponse> RenewAsync(GraphCall call, StoredSubscription subscription)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(call).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (!TryReadString(body!, "expirationDateTime", out var text) || string.IsNullOrWhiteSpace(text))
        {
            return Invalid(call, "The 'expirationDateTime' property is required.");
        }

        var expirationError = CheckExpiration(call, text, out var expiration);
        if (expirationError is not null)
        {
            return expirationError;
        }

        subscription.Expiration = expiration;
        return Entity(call, subscription, 200);
    }

    /// <summary>
    /// The refusal, or null: the expiration must parse, lie ahead and be at most the maximum lifetime away.
    /// Too far is Graph's own answer (seen from real tenants, microsoftgraph/microsoft-graph-docs#2988): 400
    /// ExtensionError "Subscription expiration can only be N minutes in the future.", which names the limit.
    /// </summary>
    private GraphResponse? CheckExpiration(GraphCall call, string text, out DateTimeOffset expiration)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out expiration))
        {
            return Invalid(call, $"Invalid expirationDateTime '{text}'.");
        }

        var now = subscriptions.Now;
        if (expiration <= now)
        {
            return Invalid(call, "Subscription expiration must be in the future.");
        }

        var maxMinutes = (long)subscriptions.MaxLifetime.TotalMinutes;
        return expiration > now + subscriptions.MaxLifetime
            ? GraphErrors.Create(call, 400, "ExtensionError", $"Subscription expiration can only be {maxMinutes.ToString(CultureInfo.InvariantCulture)} minutes in the future.")
            : null;
    }

    /// <summary>An absolute https URL, or http on a loopback host (real Graph only takes https); null otherwise.</summary>
    private static Uri? ParseNotificationUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || !string.IsNullOrEmpty(url.UserInfo))
        {
            return null;
        }

        return url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback) ? url : null;
    }

    /// <summary>False when the property is present but not a string (or null); an absent property reads as null.</summary>
    private static bool TryReadString(JsonObject body, string name, out string? value)
    {
        value = null;
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return true;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        value = node.GetValue<string>();
        return true;
    }

    private static GraphResponse Invalid(GraphCall call, string message) => GraphErrors.Create(call, 400, "InvalidRequest", message);

    private GraphResponse Entity(GraphCall call, StoredSubscription subscription, int status) => GraphResponse.Json(status, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("@odata.context", $"{call.Origin}/v1.0/$metadata#subscriptions/$entity");
        WriteProperties(writer, subscription, echoClientState: status == 201 || options.EchoClientStateOnRead);
        writer.WriteEndObject();
    });

    /// <summary>The subscription resource's properties, in Graph's order; the client state is echoed (as Graph does) unless told not to.</summary>
    private static void WriteProperties(Utf8JsonWriter writer, StoredSubscription subscription, bool echoClientState)
    {
        writer.WriteString("id", subscription.Id);
        writer.WriteString("resource", subscription.Resource);
        writer.WriteString("applicationId", subscription.ApplicationId);
        writer.WriteString("changeType", subscription.ChangeTypeText);
        WriteNullable(writer, "clientState", echoClientState ? subscription.ClientState : null);
        writer.WriteString("notificationUrl", subscription.NotificationUrl.OriginalString);
        WriteNullable(writer, "lifecycleNotificationUrl", subscription.LifecycleNotificationUrl?.OriginalString);
        writer.WriteString("expirationDateTime", EmulatorSubscriptions.FormatDate(subscription.Expiration));
        writer.WriteString("creatorId", subscription.CreatorId);
        writer.WriteString("latestSupportedTlsVersion", "v1_2");
        writer.WriteString("notificationContentType", "application/json");
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
