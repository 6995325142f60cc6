using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>Reads a Graph request body, answering as Graph does when it is not a JSON object.</summary>
internal static class JsonBody
{
    /// <summary>The body as a JSON object, or null with the 400 to send instead.</summary>
    public static async Task<(JsonObject? Body, GraphResponse? Error)> ReadObjectAsync(GraphCall call)
    {
        try
        {
            var node = await JsonNode.ParseAsync(call.Http.Request.Body, cancellationToken: call.Http.RequestAborted).ConfigureAwait(false);
            if (node is JsonObject body)
            {
                return (body, null);
            }
        }
        catch (JsonException)
        {
            // Answered below, like an empty body or one that is not an object.
        }

        return (null, GraphErrors.Create(call, 400, "BadRequest",
            "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format."));
    }
}
