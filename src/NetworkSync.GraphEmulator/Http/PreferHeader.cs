using Microsoft.Extensions.Primitives;

namespace NetworkSync.GraphEmulator.Http;

/// <summary>The Prefer preferences the emulator honours: odata.maxpagesize, IdType="ImmutableId" and outlook.timezone.</summary>
internal sealed record PreferHeader(int? MaxPageSize, bool ImmutableId, string? OutlookTimeZone = null)
{
    public static PreferHeader Parse(StringValues values)
    {
        int? maxPageSize = null;
        var immutable = false;
        string? timeZone = null;
        foreach (var value in values)
        {
            foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? part : part[..equals].Trim();
                var argument = equals < 0 ? string.Empty : part[(equals + 1)..].Trim().Trim('"');
                if (name.Equals("odata.maxpagesize", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(argument, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size)
                    && size > 0)
                {
                    maxPageSize = size;
                }
                else if (name.Equals("IdType", StringComparison.OrdinalIgnoreCase) && argument.Equals("ImmutableId", StringComparison.OrdinalIgnoreCase))
                {
                    immutable = true;
                }
                else if (name.Equals("outlook.timezone", StringComparison.OrdinalIgnoreCase) && argument.Length > 0)
                {
                    timeZone = argument;
                }
            }
        }

        return new PreferHeader(maxPageSize, immutable, timeZone);
    }
}
