using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace NetworkSync.App.Api;

/// <summary>
/// A 200 answer whose JSON is already serialised (in parts, written one after the other). The OpenAPI
/// document describes it as <typeparamref name="TShape"/>, the type the bytes are a serialisation of.
/// </summary>
public sealed class JsonBytesResult<TShape>(IReadOnlyList<byte[]> parts) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    private static readonly string[] JsonContentTypes = ["application/json"];

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public IReadOnlyList<byte[]> Parts => parts;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "IEndpointMetadataProvider's member is static by design, as on TypedResults' own Ok<T>.")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TShape), JsonContentTypes));
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = parts.Sum(p => (long)p.Length);
        foreach (var part in parts)
        {
            await response.BodyWriter.WriteAsync(part, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
