using System.Text.Json;
using NetworkSync.Sync.Mapping;

namespace NetworkSync.Sync.Engine;

/// <summary>One page's items sorted into records to upsert, ids Graph marked @removed, and how many were unusable.</summary>
internal sealed record DeltaItems<T>(List<T> Upserts, List<string> Removed, int Skipped)
    where T : class
{
    /// <summary>Maps every item of a page; an unusable one is reported through <paramref name="skip"/> (index, reason) and left out.</summary>
    public static DeltaItems<T> From(DeltaPage page, Func<JsonElement, MappingResult<T>> map, Action<int, string> skip)
    {
        var result = new DeltaItems<T>([], [], 0);
        var skipped = 0;
        var index = 0;
        foreach (var item in page.Items)
        {
            var reason = DeltaItemReader.RemovedId(item, out var removedId);
            if (removedId is not null)
            {
                result.Removed.Add(removedId);
            }
            else if (reason is null)
            {
                var mapped = map(item);
                if (mapped.Value is not null)
                {
                    result.Upserts.Add(mapped.Value);
                }

                reason = mapped.Problem;
            }

            if (reason is not null)
            {
                skipped++;
                skip(index, reason);
            }

            index++;
        }

        return result with { Skipped = skipped };
    }
}
