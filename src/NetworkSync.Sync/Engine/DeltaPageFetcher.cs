using System.Text.Json;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace NetworkSync.Sync.Engine;

/// <summary>
/// Sends a delta request through the SDK's request adapter (auth, middleware, error mapping) and
/// reads the raw page. A page whose JSON is cut short is fetched again a few times: the retry
/// handler cannot see that, since the status was 200.
/// </summary>
internal static class DeltaPageFetcher
{
    private const int UnreadablePageAttempts = 4;

    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    public static async Task<DeltaPage> FetchAsync(IRequestAdapter adapter, Func<RequestInformation> request, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var stream = await adapter.SendPrimitiveAsync<Stream>(request(), ErrorMapping, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidDataException("Graph returned an empty body for a delta page.");
                await using (stream.ConfigureAwait(false))
                {
                    var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
                    var root = document.RootElement;
                    if (root.ValueKind != JsonValueKind.Object)
                    {
                        document.Dispose();
                        throw new InvalidDataException("A delta page is not a JSON object.");
                    }

                    return new DeltaPage(document, StringProperty(root, "@odata.nextLink"), StringProperty(root, "@odata.deltaLink"));
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException && attempt < UnreadablePageAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string? StringProperty(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
