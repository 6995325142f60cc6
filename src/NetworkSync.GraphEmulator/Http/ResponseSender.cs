using Microsoft.AspNetCore.Http;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>Sends a rendered response, or a deliberately broken version of it for body faults.</summary>
internal static class ResponseSender
{
    private static readonly TimeSpan DropDelay = TimeSpan.FromMilliseconds(100);

    public static async Task SendAsync(GraphCall call, GraphResponse response, FaultKind? bodyFault)
    {
        var http = call.Http;
        http.Response.StatusCode = response.Status;
        http.Response.Headers["request-id"] = call.RequestId;
        http.Response.Headers["client-request-id"] = call.ClientRequestId;
        if (call.PreferencesApplied.Count > 0)
        {
            http.Response.Headers["Preference-Applied"] = string.Join(",", call.PreferencesApplied);
        }

        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            http.Response.ContentType = response.ContentType;
        }

        var body = response.Body;
        switch (bodyFault)
        {
            case FaultKind.DropConnection when body.IsEmpty:
                // Nothing to cut (a 204, or a write the fault stopped): reset before the headers, so the
                // client sees a failed request rather than a complete empty answer.
                http.Abort();
                return;
            case FaultKind.DropConnection:
                // Promise the whole body, send half, then cut the connection: the client sees the
                // headers of a success and then an I/O error while reading.
                http.Response.ContentLength = body.Length;
                await http.Response.Body.WriteAsync(body[..(body.Length / 2)], http.RequestAborted).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);

                // Give the client a moment to take the headers in: an immediate reset can make it lose
                // them too, which would be a different fault (a failed request rather than a cut body).
                await Task.Delay(DropDelay, http.RequestAborted).ConfigureAwait(false);
                http.Abort();
                return;
            case FaultKind.TruncatedJson:
                // A well-formed HTTP response whose JSON stops in the middle.
                body = body[..(body.Length / 2)];
                break;
        }

        http.Response.ContentLength = body.Length;
        if (body.Length > 0)
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
        }
    }
}
