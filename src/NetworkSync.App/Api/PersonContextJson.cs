using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using NetworkSync.Application.Context;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace NetworkSync.App.Api;

/// <summary>
/// Turns context answers into JSON once. PersonContextService hands out the same instance for a person
/// while nothing changed, so the serialised form is kept beside each instance (and goes when it goes):
/// a batch then costs copying bytes, where serialising its timestamps and timelines each time took most
/// of the request. Serialised with the service's own JSON options, as any other answer.
/// </summary>
public sealed class PersonContextJson(IOptions<HttpJsonOptions> options)
{
    private static readonly byte[] PeopleStart = Encoding.UTF8.GetBytes(",\"people\":[");
    private static readonly byte[] Comma = [(byte)','];
    private static readonly byte[] End = Encoding.UTF8.GetBytes("]}");

    private readonly ConditionalWeakTable<PersonContext, byte[]> serialised = [];
    private readonly JsonSerializerOptions serializerOptions = options.Value.SerializerOptions;

    /// <summary>Known people's JSON is kept; a first contact's is small and composed afresh on each request, so it is not.</summary>
    public byte[] Bytes(PersonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Known
            ? serialised.GetValue(context, c => JsonSerializer.SerializeToUtf8Bytes(c, TypeInfo<PersonContext>()))
            : JsonSerializer.SerializeToUtf8Bytes(context, TypeInfo<PersonContext>());
    }

    public JsonBytesResult<PersonContext> One(PersonContext context) => new([Bytes(context)]);

    /// <summary>The batch as <see cref="PersonContextBatch"/> serialises it: { "asOf", "people": [...] }.</summary>
    public JsonBytesResult<PersonContextBatch> Batch(PersonContextBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var parts = new List<byte[]>((batch.People.Count * 2) + 3)
        {
            Encoding.UTF8.GetBytes("{\"asOf\":"),
            JsonSerializer.SerializeToUtf8Bytes(batch.AsOf, TypeInfo<DateTimeOffset>()),
            PeopleStart,
        };
        for (var i = 0; i < batch.People.Count; i++)
        {
            if (i > 0)
            {
                parts.Add(Comma);
            }

            parts.Add(Bytes(batch.People[i]));
        }

        parts.Add(End);
        return new JsonBytesResult<PersonContextBatch>(parts);
    }

    private JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)serializerOptions.GetTypeInfo(typeof(T));
}
