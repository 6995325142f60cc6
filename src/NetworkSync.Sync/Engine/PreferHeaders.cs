using Microsoft.Kiota.Abstractions;

namespace NetworkSync.Sync.Engine;

/// <summary>The Prefer values every delta request carries (Graph wants them on each page, not just the first).</summary>
internal static class PreferHeaders
{
    public static void Apply(RequestHeaders headers, int pageSize, bool utcTimes)
    {
        headers.Add("Prefer", $"odata.maxpagesize={pageSize}");

        // Immutable ids survive moves between folders, so a moved message keeps its key.
        headers.Add("Prefer", "IdType=\"ImmutableId\"");
        if (utcTimes)
        {
            headers.Add("Prefer", "outlook.timezone=\"UTC\"");
        }
    }
}
