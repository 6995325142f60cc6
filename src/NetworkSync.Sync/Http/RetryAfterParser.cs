using System.Globalization;

namespace NetworkSync.Sync.Http;

/// <summary>
/// Reads Retry-After as Graph sends it: whole seconds ("3"), fractional seconds ("2.128", which the
/// SDK's stock handler cannot parse), or an HTTP date.
/// </summary>
public static class RetryAfterParser
{
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 && !double.IsInfinity(seconds) ? TimeSpan.FromSeconds(seconds) : null;
        }

        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            var wait = at - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    public static TimeSpan? From(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.TryGetValues("Retry-After", out var values))
        {
            foreach (var value in values)
            {
                if (Parse(value, now) is { } wait)
                {
                    return wait;
                }
            }
        }

        return null;
    }
}
