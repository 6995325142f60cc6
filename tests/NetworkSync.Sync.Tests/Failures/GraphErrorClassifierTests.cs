using System.Net;
using System.Text.Json;
using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Serialization.Json;
using NetworkSync.Domain.Sync;
using NetworkSync.Sync.Engine;
using NetworkSync.Sync.Http;

namespace NetworkSync.Sync.Tests.Failures;

/// <summary>Each Graph answer or client failure a sync can end with, and the kind it is filed under.</summary>
public sealed class GraphErrorClassifierTests
{
    /// <summary>Error bodies as Graph sends them (graph/errors, throttling and delta pages), with their statuses.</summary>
    public static TheoryData<int, string, SyncFailureKind> GraphAnswers => new()
    {
        { 401, """{"error":{"code":"InvalidAuthenticationToken","message":"Lifetime validation failed, the token is expired.","innerError":{"date":"2026-06-10T12:00:00","request-id":"r1","client-request-id":"c1"}}}""", SyncFailureKind.SignedOut },
        { 403, """{"error":{"code":"ErrorAccessDenied","message":"Access is denied. Check credentials and try again.","innerError":{"date":"2026-06-10T12:00:00","request-id":"r2","client-request-id":"c2"}}}""", SyncFailureKind.PermissionDenied },
        { 403, """{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}""", SyncFailureKind.PermissionDenied },
        { 404, """{"error":{"code":"MailboxNotEnabledForRESTAPI","message":"The mailbox is either inactive, soft-deleted, or is hosted on-premise."}}""", SyncFailureKind.MailboxNotFound },
        { 404, """{"error":{"code":"ErrorInvalidUser","message":"The requested user 'gone@contoso.example' is invalid."}}""", SyncFailureKind.MailboxNotFound },
        { 404, """{"error":{"code":"ResourceNotFound","message":"Resource not found for the segment 'mailFolders'."}}""", SyncFailureKind.MailboxNotFound },
        { 404, """{"error":{"code":"ErrorItemNotFound","message":"The specified object was not found in the store."}}""", SyncFailureKind.Unexpected },
        { 410, """{"error":{"code":"syncStateNotFound","message":"The sync state generation is not found."}}""", SyncFailureKind.SyncStateExpired },
        { 400, """{"error":{"code":"resyncRequired","message":"Resync required. Replace any local cached data with a full sync."}}""", SyncFailureKind.SyncStateExpired },
        { 400, """{"error":{"code":"SyncStateNotFound","message":"The sync state generation is not found."}}""", SyncFailureKind.SyncStateExpired },
        { 429, """{"error":{"code":"TooManyRequests","message":"Please retry again later.","innerError":{"code":"429","message":"Please retry after","status":"429"}}}""", SyncFailureKind.Throttled },
        { 429, """{"error":{"code":"ApplicationThrottled","message":"Application is over its MailboxConcurrency limit.","innerError":{"code":"MailboxConcurrency"}}}""", SyncFailureKind.Throttled },
        { 503, """{"error":{"code":"ApplicationThrottled","message":"Application is over its IncomingBytes limit."}}""", SyncFailureKind.Throttled },
        { 503, """{"error":{"code":"serviceNotAvailable","message":"The service is temporarily unavailable for maintenance or is overloaded."}}""", SyncFailureKind.Transient },
        { 504, """{"error":{"code":"UnknownError","message":"The gateway timed out waiting for the backend."}}""", SyncFailureKind.Transient },
        { 500, """{"error":{"code":"generalException","message":"An unspecified error has occurred."}}""", SyncFailureKind.Transient },
        { 400, """{"error":{"code":"BadRequest","message":"Unsupported query."}}""", SyncFailureKind.Unexpected },
    };

    [Theory]
    [MemberData(nameof(GraphAnswers))]
    public void A_Graph_error_body_is_classified_by_its_code_and_status(int status, string body, SyncFailureKind expected)
    {
        var error = new JsonParseNode(JsonDocument.Parse(body).RootElement).GetObjectValue(ODataError.CreateFromDiscriminatorValue)!;
        error.ResponseStatusCode = status;

        Assert.Equal(expected, GraphErrorClassifier.Classify(error));
    }

    [Theory]
    [InlineData(401, SyncFailureKind.SignedOut)]
    [InlineData(403, SyncFailureKind.PermissionDenied)]
    [InlineData(404, SyncFailureKind.MailboxNotFound)]
    [InlineData(408, SyncFailureKind.Transient)]
    [InlineData(410, SyncFailureKind.SyncStateExpired)]
    [InlineData(429, SyncFailureKind.Throttled)]
    [InlineData(500, SyncFailureKind.Transient)]
    [InlineData(502, SyncFailureKind.Transient)]
    [InlineData(503, SyncFailureKind.Transient)]
    [InlineData(504, SyncFailureKind.Transient)]
    [InlineData(400, SyncFailureKind.Unexpected)]
    [InlineData(409, SyncFailureKind.Unexpected)]
    public void An_answer_without_a_readable_body_is_classified_by_its_status(int status, SyncFailureKind expected)
    {
        Assert.Equal(expected, GraphErrorClassifier.Classify(new ApiException { ResponseStatusCode = status }));
        Assert.Equal(expected, GraphErrorClassifier.Classify(new HttpRequestException("failed", null, (HttpStatusCode)status)));
    }

    public static TheoryData<Exception, SyncFailureKind> ClientFailures => new()
    {
        { new HttpRequestException("Connection refused"), SyncFailureKind.Transient },
        { new IOException("The response ended prematurely."), SyncFailureKind.Transient },
        { new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", new TimeoutException()), SyncFailureKind.Transient },
        { new TimeoutException(), SyncFailureKind.Transient },
        { new JsonException("'}' is invalid after a value."), SyncFailureKind.MalformedData },
        { new InvalidDataException("Graph ended a delta round with neither a nextLink nor a deltaLink."), SyncFailureKind.MalformedData },
        { new ForeignHostException("Graph returned a paging link to https://graph.attacker.example"), SyncFailureKind.ForeignLink },
        { new AuthenticationFailedException("AADSTS65001: The user or administrator has not consented to use the application."), SyncFailureKind.ConsentMissing },
        { new AuthenticationFailedException("AADSTS7000222: The provided client secret keys for app 'x' are expired."), SyncFailureKind.SignedOut },
        { new CredentialUnavailableException("No account in the token cache; sign in again."), SyncFailureKind.SignedOut },
        { new InvalidOperationException("A bug."), SyncFailureKind.Unexpected },
    };

    [Theory]
    [MemberData(nameof(ClientFailures))]
    public void A_failure_on_the_client_side_is_classified_by_what_it_is(Exception error, SyncFailureKind expected) =>
        Assert.Equal(expected, GraphErrorClassifier.Classify(error));
}
