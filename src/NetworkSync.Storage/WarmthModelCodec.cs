using System.Globalization;
using System.Text.Json;
using NetworkSync.Domain.Relationships.Model;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage;

/// <summary>
/// Turns a warmth model into its stored row and back. The weights are stored by feature name, so a
/// row written for another set of features (added, removed or reordered since) is refused rather than
/// scoring with weights on the wrong features; so is another format version, malformed JSON, or
/// weights the model would refuse (negative, not finite).
/// </summary>
public static class WarmthModelCodec
{
    /// <summary>Version 1: {"features": [names], "weights": [numbers], "bias": number}.</summary>
    public const int FormatVersion = 1;

    public static WarmthModelRow Encode(string mailboxId, WarmthModel model, int interactions, DateTimeOffset fittedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("features");
            foreach (var name in WarmthFeatures.Names)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteStartArray("weights");
            foreach (var weight in model.Weights)
            {
                json.WriteNumberValue(weight);
            }

            json.WriteEndArray();
            json.WriteNumber("bias", model.Bias);
            json.WriteEndObject();
        }

        return new WarmthModelRow
        {
            MailboxId = mailboxId,
            FormatVersion = FormatVersion,
            Weights = System.Text.Encoding.UTF8.GetString(buffer.ToArray()),
            Source = model.Source.ToString(),
            Reason = model.Reason,
            FittedAtMs = fittedAt.ToUnixTimeMilliseconds(),
            Interactions = interactions,
            Examples = model.Examples,
            UpdatedMs = now.ToUnixTimeMilliseconds(),
        };
    }

    /// <summary>The stored model, or why it cannot be read (a short label, never the row's content).</summary>
    public static (WarmthModel? Model, string? Problem) Decode(WarmthModelRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.FormatVersion != FormatVersion)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"format version {row.FormatVersion}, expected {FormatVersion}"));
        }

        if (!Enum.TryParse<WarmthModelSource>(row.Source, ignoreCase: false, out var source) || !Enum.IsDefined(source))
        {
            return (null, "unknown source");
        }

        try
        {
            using var document = JsonDocument.Parse(row.Weights);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("weights", out var weights) || weights.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("bias", out var bias) || bias.ValueKind != JsonValueKind.Number)
            {
                return (null, "missing features, weights or bias");
            }

            var names = features.EnumerateArray().Select(f => f.ValueKind == JsonValueKind.String ? f.GetString() : null).ToList();
            if (names.Count != WarmthFeatures.Count || weights.GetArrayLength() != WarmthFeatures.Count)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"{weights.GetArrayLength()} weights for {names.Count} features, expected {WarmthFeatures.Count}"));
            }

            if (!names.SequenceEqual(WarmthFeatures.Names, StringComparer.Ordinal))
            {
                return (null, "features differ from this version's");
            }

            var values = new double[WarmthFeatures.Count];
            var i = 0;
            foreach (var weight in weights.EnumerateArray())
            {
                if (weight.ValueKind != JsonValueKind.Number)
                {
                    return (null, "a weight is not a number");
                }

                values[i++] = weight.GetDouble();
            }

            return (new WarmthModel(values, bias.GetDouble(), source, row.Reason) { Examples = row.Examples }, null);
        }
        catch (JsonException)
        {
            return (null, "malformed JSON");
        }
        catch (ArgumentException)
        {
            return (null, "weights out of range");
        }
    }
}
