using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NetworkSync.GraphEmulator.Storage;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// Answers every request: classify, authenticate, resolve the mailbox, apply the per-mailbox
/// concurrency limit, apply faults, run the endpoint, send, and log. The order mirrors Graph:
/// authentication first, throttling before any work.
/// </summary>
internal sealed partial class GraphPipeline(
    GraphEmulator emulator,
    GraphEmulatorOptions options,
    AccessTokens tokens,
    MailboxConcurrencyGate concurrency,
    string epoch,
    ILogger logger)
{
    private readonly TokenEndpoint _tokenEndpoint = new(tokens, emulator.Tenant, options.TenantId, options.ClientSecret);
    private readonly DirectoryEndpoints _directory = new(emulator.Tenant);
    private readonly MessageDeltaEndpoint _messages = new(options, epoch);
    private readonly CalendarViewDeltaEndpoint _calendar = new(options, epoch);
    private readonly TodoTasksEndpoint _todoTasks = new(options);
    private readonly TodoTasksDeltaEndpoint _todoDelta = new(options, epoch);
    private readonly AdminEndpoint _admin = new(emulator);
    private readonly IdentityMetadataEndpoint _identityMetadata = new(emulator.ApiTokens);
    private readonly SubscriptionsEndpoint _subscriptions = new(emulator.Subscriptions, emulator.Tenant, options);

    public async Task HandleAsync(HttpContext http)
    {
        var at = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        var route = GraphRoute.Parse(http.Request.Path.Value ?? "/");
        var requestId = Guid.NewGuid().ToString();
        var clientRequestId = http.Request.Headers["client-request-id"].FirstOrDefault() ?? requestId;
        var call = new GraphCall(http, route, requestId, clientRequestId);
        GraphResponse? response = null;
        string? enteredMailbox = null;
        FaultRule? fault = null;
        int? rejectedStatus = null;
        try
        {
            response = await AnswerAsync(call, mailbox => enteredMailbox = mailbox, f => fault = f).ConfigureAwait(false);

            // The mailbox's slot is freed once the answer is ready, before it is written: a client may send
            // its next request the moment it has read this one, before this method's finally block runs.
            if (enteredMailbox is not null)
            {
                concurrency.Exit(enteredMailbox);
                enteredMailbox = null;
            }

            var bodyFault = fault?.Kind is FaultKind.DropConnection or FaultKind.TruncatedJson ? fault.Kind : (FaultKind?)null;
            await ResponseSender.SendAsync(call, response, bodyFault).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away (e.g. it timed out during a Slow fault); nothing left to send.
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel rejected the request while it was read (e.g. a body read timeout) and answers it itself
            // with this status; the log must show that status, not the 500 of an emulator failure.
            rejectedStatus = ex.StatusCode;
            throw;
        }
        finally
        {
            if (enteredMailbox is not null)
            {
                concurrency.Exit(enteredMailbox);
            }

            var status = rejectedStatus ?? (http.RequestAborted.IsCancellationRequested && response is null ? 499 : response?.Status ?? 500);
            var faultLabel = response?.Fault ?? (fault is null ? null : FaultLabel(fault));
            emulator.Requests.Add(new RequestLogEntry(
                at, http.Request.Method, http.Request.Path.Value ?? "/", http.Request.QueryString.Value ?? string.Empty,
                route.Endpoint, call.MailboxId, status, stopwatch.Elapsed, faultLabel, http.Request.Headers["Prefer"].FirstOrDefault()));
            LogRequest(logger, http.Request.Method, http.Request.Path.Value ?? "/", status, stopwatch.Elapsed.TotalMilliseconds, faultLabel);
        }
    }

    private async Task<GraphResponse> AnswerAsync(GraphCall call, Action<string> entered, Action<FaultRule> faulted)
    {
        var route = call.Route;
        switch (route.Endpoint)
        {
            case EndpointKind.Admin:
                return await _admin.HandleAsync(call).ConfigureAwait(false);
            case EndpointKind.Token or EndpointKind.OpenIdConfiguration or EndpointKind.SigningKeys:
                // No token needed. A token request is a POST, but a retry cannot duplicate anything, so its faults
                // behave as for reads (body faults cut the real answer); an AfterCommit rule issues the token, then
                // fails the answer. Only rules naming the endpoint hit these (FaultInjector.IsOutsideGraph).
                var identityFault = emulator.Faults.Next(route.Endpoint, null, hasStateToken: false, call.Http.Request.Method);
                if (identityFault is { AfterCommit: false })
                {
                    faulted(identityFault);
                    var early = await ApplyFaultAsync(call, identityFault).ConfigureAwait(false);
                    if (early is not null)
                    {
                        return early;
                    }
                }

                var answer = route.Endpoint == EndpointKind.Token
                    ? await _tokenEndpoint.HandleAsync(call).ConfigureAwait(false)
                    : _identityMetadata.Handle(call);
                if (identityFault is { AfterCommit: true })
                {
                    faulted(identityFault);
                    answer = await ApplyFaultAsync(call, identityFault).ConfigureAwait(false) ?? answer;
                }

                return answer;
        }

        var authError = Authenticate(call);
        if (authError is not null)
        {
            return authError;
        }

        var method = call.Http.Request.Method;
        if (!route.Allows(method))
        {
            return GraphErrors.Create(call, 405, "Request_BadRequest", IsOwnDataOnly(route.Endpoint) || route.Endpoint == EndpointKind.Subscriptions
                ? $"The emulator does not support {method} on this resource."
                : "The emulator serves read-only Graph endpoints.");
        }

        // Permissions before the mailbox is looked up, as Graph refuses an unauthorised app without saying who exists.
        var forbidden = RequiredPermissions.Check(call, options, RequiredPermissions.For(route.Endpoint, method));
        if (forbidden is not null)
        {
            return forbidden;
        }

        MailboxData? mailbox = null;
        if (route.UserKey is not null || route.IsMe)
        {
            if (route.IsMe && call.Grant is not { IsDelegated: true })
            {
                return GraphErrors.Create(call, 400, "BadRequest", "/me request is only valid with delegated authentication flow.");
            }

            var key = route.IsMe ? call.Grant!.UserId! : route.UserKey!;
            call.MailboxId = emulator.Tenant.ResolveUserId(key);
            mailbox = call.MailboxId is null ? null : emulator.Tenant.FindMailbox(call.MailboxId);
            if (mailbox is null)
            {
                return route.Endpoint is EndpointKind.User
                    ? _directory.GetUser(call, key)
                    : GraphErrors.Create(call, 404, "ErrorInvalidUser", $"The requested user '{key}' is invalid.");
            }
        }

        // To Do and mailbox settings are the user's own: a delegated token works only for its own user.
        if (IsOwnDataOnly(route.Endpoint) && call.Grant is { IsDelegated: true } grant
            && !string.Equals(grant.UserId, call.MailboxId, StringComparison.OrdinalIgnoreCase))
        {
            return GraphErrors.Create(call, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }

        if (route.Endpoint is EndpointKind.MessagesDelta or EndpointKind.CalendarViewDelta or EndpointKind.MailFolder || IsOwnDataOnly(route.Endpoint))
        {
            entered(call.MailboxId!);
            if (!concurrency.TryEnter(call.MailboxId!))
            {
                return GraphErrors.Create(call, 429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", innerCode: "MailboxConcurrency")
                    .WithHeader("Retry-After", options.MailboxConcurrencyRetryAfter);
            }
        }

        // The injector hands out AfterCommit rules for writes only: those run the write first (below).
        var fault = emulator.Faults.Next(route.Endpoint, call.MailboxId, call.HasStateToken, method);
        if (fault is { AfterCommit: false })
        {
            faulted(fault);
            var faultResponse = await ApplyFaultAsync(call, fault, beforeWrite: FaultInjector.IsWrite(method)).ConfigureAwait(false);
            if (faultResponse is not null)
            {
                return faultResponse;
            }
        }

        var response = await RunEndpointAsync(call, mailbox).ConfigureAwait(false);
        if (fault is { AfterCommit: true })
        {
            faulted(fault);
            response = await ApplyFaultAsync(call, fault, beforeWrite: false).ConfigureAwait(false) ?? response;
        }

        return response;
    }

    private async Task<GraphResponse> RunEndpointAsync(GraphCall call, MailboxData? mailbox)
    {
        var route = call.Route;
        switch (route.Endpoint)
        {
            case EndpointKind.TodoLists or EndpointKind.TodoList:
                return await TodoListsEndpoint.HandleAsync(call, mailbox!).ConfigureAwait(false);
            case EndpointKind.TodoTasks or EndpointKind.TodoTask or EndpointKind.TodoLinkedResources or EndpointKind.TodoTasksDelta:
                var list = mailbox!.Todo.FindList(route.TodoListId!);
                if (list is null)
                {
                    return TodoErrors.NotFound(call);
                }

                return route.Endpoint == EndpointKind.TodoTasksDelta
                    ? _todoDelta.Handle(call, mailbox, list)
                    : await _todoTasks.HandleAsync(call, mailbox, list).ConfigureAwait(false);
            case EndpointKind.Subscriptions:
                return await _subscriptions.HandleAsync(call).ConfigureAwait(false);
        }

        return route.Endpoint switch
        {
            EndpointKind.Users => _directory.ListUsers(call),
            EndpointKind.User => _directory.GetUser(call, call.MailboxId!),
            EndpointKind.Me => _directory.GetMe(call),
            EndpointKind.MessagesDelta => _messages.Handle(call, mailbox!),
            EndpointKind.CalendarViewDelta => _calendar.Handle(call, mailbox!),
            EndpointKind.MailFolder => MailFolderEndpoint.Handle(call, mailbox!),
            EndpointKind.MailboxSettings => MailboxSettingsEndpoint.Handle(call, mailbox!),
            _ => GraphErrors.Create(call, 400, "BadRequest", $"Resource not found for the segment '{string.Join('/', route.Segments.Skip(1))}'."),
        };
    }

    /// <summary>The user's own data (To Do, mailbox settings): only app-only tokens and the user's own delegated token may use it.</summary>
    private static bool IsOwnDataOnly(EndpointKind endpoint) => endpoint is EndpointKind.MailboxSettings or EndpointKind.TodoLists
        or EndpointKind.TodoList or EndpointKind.TodoTasks or EndpointKind.TodoTask or EndpointKind.TodoTasksDelta or EndpointKind.TodoLinkedResources;

    private static string FaultLabel(FaultRule fault) => fault.AfterCommit ? $"{fault.Kind} (after commit)" : fault.Kind.ToString();

    private GraphResponse? Authenticate(GraphCall call)
    {
        var check = tokens.Check(call.Http.Request.Headers.Authorization.FirstOrDefault(), out var grant);
        call.Grant = grant;
        var message = check switch
        {
            TokenCheck.Valid => null,
            TokenCheck.Missing => "Access token is empty.",
            TokenCheck.Expired => "Lifetime validation failed, the token is expired.",
            _ => "IDX14100: JWT is not well formed, there are no dots (.).",
        };
        return message is null
            ? null
            : GraphErrors.Create(call, 401, "InvalidAuthenticationToken", message)
                .WithHeader("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
    }

    /// <summary>
    /// Returns the error that replaces the answer, or null when the request goes on (Slow, body faults).
    /// <paramref name="beforeWrite"/>: the fault hits a write that must then not happen, so a body fault
    /// cannot cut the real answer; it gets a stand-in (see <see cref="BodyFaultBeforeWrite"/>).
    /// </summary>
    private static async Task<GraphResponse?> ApplyFaultAsync(GraphCall call, FaultRule fault, bool beforeWrite = false)
    {
        if (beforeWrite && fault.Kind is FaultKind.DropConnection or FaultKind.TruncatedJson)
        {
            return BodyFaultBeforeWrite(call, fault);
        }

        GraphResponse? response = fault.Kind switch
        {
            FaultKind.TooManyRequests => GraphErrors.Create(call, 429, "TooManyRequests", "Please retry again later.", innerCode: "429", innerMessage: "Please retry after"),
            FaultKind.ServiceUnavailable => GraphErrors.Create(call, 503, "serviceNotAvailable", "The service is temporarily unavailable for maintenance or is overloaded."),
            FaultKind.GatewayTimeout => GraphErrors.Create(call, 504, "UnknownError", "The gateway timed out waiting for the backend."),
            FaultKind.SyncStateNotFound => DeltaRequest.SyncStateNotFound(call),
            FaultKind.SyncStateNotFound400 => DeltaRequest.SyncStateNotFound(call, status: 400),
            FaultKind.ResyncRequired => DeltaRequest.ResyncRequired(call),
            FaultKind.AccessDenied => GraphErrors.Create(call, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."),
            FaultKind.MailboxNotFound => GraphErrors.Create(call, 404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise."),
            _ => null,
        };
        if (response is not null)
        {
            response.Fault = FaultLabel(fault);
            if (fault.RetryAfter is not null)
            {
                response.WithHeader("Retry-After", fault.RetryAfter);
            }

            return response;
        }

        if (fault.Kind == FaultKind.ForeignLinks)
        {
            call.LinkOrigin = "https://graph.attacker.example";
        }

        if (fault.Kind == FaultKind.Slow && fault.Delay > TimeSpan.Zero)
        {
            await Task.Delay(fault.Delay, call.Http.RequestAborted).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>
    /// A body fault on a write that is not performed: DropConnection resets the connection before any
    /// response (an empty body makes the sender do that); TruncatedJson sends a 200 whose body, the start
    /// of a Graph error, is cut. Either way the client cannot tell whether its write happened; here it did not.
    /// </summary>
    private static GraphResponse BodyFaultBeforeWrite(GraphCall call, FaultRule fault)
    {
        var response = fault.Kind == FaultKind.DropConnection
            ? GraphResponse.Empty(200)
            : GraphResponse.Raw(200, GraphErrors.Create(call, 503, "serviceNotAvailable", "The service is temporarily unavailable.").Body, "application/json");
        response.Fault = FaultLabel(fault);
        return response;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} -> {Status} in {Milliseconds:0.0} ms (fault: {Fault})")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, double milliseconds, string? fault);
}
