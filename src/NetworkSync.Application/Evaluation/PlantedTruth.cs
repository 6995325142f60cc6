using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetworkSync.Application.Evaluation;

/// <summary>What the demo generator planted (planted-truth.json beside a generated fixture).</summary>
public sealed record PlantedTruth(
    [property: JsonPropertyName("asOf")] DateTimeOffset AsOf,
    [property: JsonPropertyName("contacts")] IReadOnlyList<PlantedContact> Contacts)
{
    public static PlantedTruth Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<PlantedTruth>(stream) ?? throw new InvalidDataException($"{path} holds no planted truth.");
    }
}
