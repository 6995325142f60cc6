using System.Buffers;
using System.Text.Json;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// A fully rendered response. Rendering into memory before sending lets the pipeline send a correct
/// Content-Length, and lets body faults (dropped connection, truncated JSON) cut a real body.
/// </summary>
internal sealed class GraphResponse
{
    /// <summary>What real Graph sends for OData payloads.</summary>
    public const string ODataJson = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    private GraphResponse(int status, ReadOnlyMemory<byte> body, string? contentType)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
    }

    public int Status { get; }

    public ReadOnlyMemory<byte> Body { get; }

    public string? ContentType { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Fault label for the request log, set when this response replaced the normal answer.</summary>
    public string? Fault { get; set; }

    public static GraphResponse Json(int status, Action<Utf8JsonWriter> write, string contentType = ODataJson, int sizeHint = 4096)
    {
        var buffer = new ArrayBufferWriter<byte>(sizeHint);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return new GraphResponse(status, buffer.WrittenMemory, contentType);
    }

    public static GraphResponse Empty(int status) => new(status, ReadOnlyMemory<byte>.Empty, contentType: null);

    /// <summary>A response with an already rendered body.</summary>
    public static GraphResponse Raw(int status, ReadOnlyMemory<byte> body, string contentType) => new(status, body, contentType);

    public GraphResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
