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
    private readonly TokenEndpoint _tokenEndpoint = new(tokens, emulator.Tenant, options.TenantId);
    private readonly DirectoryEndpoints _directory = new(emulator.Tenant);
    private readonly MessageDeltaEndpoint _messages = new(options, epoch);
    private readonly CalendarViewDeltaEndpoint _calendar = new(options, epoch);
    private readonly AdminEndpoint _admin = new(emulator);

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
        finally
        {
            if (enteredMailbox is not null)
            {
                concurrency.Exit(enteredMailbox);
            }

            var status = http.RequestAborted.IsCancellationRequested && response is null ? 499 : response?.Status ?? 500;
            var faultLabel = response?.Fault ?? fault?.Kind.ToString();
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
            case EndpointKind.Token:
                var tokenFault = emulator.Faults.Next(EndpointKind.Token, null, hasStateToken: false);
                if (tokenFault is not null)
                {
                    faulted(tokenFault);
                    var early = await ApplyFaultAsync(call, tokenFault).ConfigureAwait(false);
                    if (early is not null)
                    {
                        return early;
                    }
                }

                return await _tokenEndpoint.HandleAsync(call).ConfigureAwait(false);
        }

        var authError = Authenticate(call);
        if (authError is not null)
        {
            return authError;
        }

        if (!HttpMethods.IsGet(call.Http.Request.Method))
        {
            return GraphErrors.Create(call, 405, "Request_BadRequest", "The emulator serves read-only Graph endpoints.");
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

        if (route.Endpoint is EndpointKind.MessagesDelta or EndpointKind.CalendarViewDelta or EndpointKind.MailFolder)
        {
            entered(call.MailboxId!);
            if (!concurrency.TryEnter(call.MailboxId!))
            {
                return GraphErrors.Create(call, 429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", innerCode: "MailboxConcurrency")
                    .WithHeader("Retry-After", options.MailboxConcurrencyRetryAfter);
            }
        }

        var fault = emulator.Faults.Next(route.Endpoint, call.MailboxId, call.HasStateToken);
        if (fault is not null)
        {
            faulted(fault);
            var faultResponse = await ApplyFaultAsync(call, fault).ConfigureAwait(false);
            if (faultResponse is not null)
            {
                return faultResponse;
            }
        }

        return route.Endpoint switch
        {
            EndpointKind.Users => _directory.ListUsers(call),
            EndpointKind.User => _directory.GetUser(call, call.MailboxId!),
            EndpointKind.Me => _directory.GetMe(call),
            EndpointKind.MessagesDelta => _messages.Handle(call, mailbox!),
            EndpointKind.CalendarViewDelta => _calendar.Handle(call, mailbox!),
            EndpointKind.MailFolder => MailFolderEndpoint.Handle(call, mailbox!),
            _ => GraphErrors.Create(call, 400, "BadRequest", $"Resource not found for the segment '{string.Join('/', route.Segments.Skip(1))}'."),
        };
    }

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

    /// <summary>Returns the error that replaces the answer, or null when the request goes on (Slow, body faults).</summary>
    private static async Task<GraphResponse?> ApplyFaultAsync(GraphCall call, FaultRule fault)
    {
        GraphResponse? response = fault.Kind switch
        {
            FaultKind.TooManyRequests => GraphErrors.Create(call, 429, "TooManyRequests", "Please retry again later.", innerCode: "429"),
            FaultKind.ServiceUnavailable => GraphErrors.Create(call, 503, "serviceNotAvailable", "The service is temporarily unavailable for maintenance or is overloaded."),
            FaultKind.GatewayTimeout => GraphErrors.Create(call, 504, "UnknownError", "The gateway timed out waiting for the backend."),
            FaultKind.SyncStateNotFound => DeltaRequest.SyncStateNotFound(call),
            FaultKind.AccessDenied => GraphErrors.Create(call, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."),
            _ => null,
        };
        if (response is not null)
        {
            response.Fault = fault.Kind.ToString();
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Path} -> {Status} in {Milliseconds:0.0} ms (fault: {Fault})")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, double milliseconds, string? fault);
}
