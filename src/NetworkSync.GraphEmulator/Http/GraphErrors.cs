namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// Graph's error body: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}
/// (learn.microsoft.com/graph/errors). Some services add a nested innerError code, e.g. MailboxConcurrency.
/// </summary>
internal static class GraphErrors
{
    /// <param name="innerMessage">The throttling page's 429 adds innerError "message" and "status" (the status as a string).</param>
    public static GraphResponse Create(GraphCall call, int status, string code, string message, string? innerCode = null, string? innerMessage = null)
    {
        var response = GraphResponse.Json(status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteStartObject("innerError");
            if (innerCode is not null)
            {
                writer.WriteString("code", innerCode);
            }

            writer.WriteString("date", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            if (innerMessage is not null)
            {
                writer.WriteString("message", innerMessage);
                writer.WriteString("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            writer.WriteString("request-id", call.RequestId);
            writer.WriteString("client-request-id", call.ClientRequestId);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }, contentType: "application/json");
        return response;
    }

    public static GraphResponse NotFound(GraphCall call, string what) =>
        Create(call, 404, "ResourceNotFound", $"Resource not found for the segment '{what}'.");
}
