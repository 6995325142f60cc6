using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Sync.Mapping;

/// <summary>Turns Graph's <c>recipient</c>/<c>emailAddress</c> into a normalised participant.</summary>
public static class GraphParticipants
{
    private const int MaxNameLength = 256;

    public static Participant? From(Microsoft.Graph.Models.Recipient? recipient)
    {
        var address = EmailAddressNormalizer.Normalize(recipient?.EmailAddress?.Address);
        return address is null ? null : new Participant(address, CleanName(recipient?.EmailAddress?.Name));
    }

    /// <summary>
    /// Trims whitespace and one pair of enclosing quotes ("Doe, Jane" or 'Jane') and caps the length
    /// without splitting a surrogate pair; a lone quote is part of the name. Names are shown, never interpreted.
    /// </summary>
    public static string? CleanName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        if (trimmed.Length >= 2 && trimmed[0] is '"' or '\'' && trimmed[^1] == trimmed[0])
        {
            trimmed = trimmed[1..^1].Trim();
        }

        if (trimmed.Length > MaxNameLength)
        {
            trimmed = trimmed[..(char.IsHighSurrogate(trimmed[MaxNameLength - 1]) ? MaxNameLength - 1 : MaxNameLength)];
        }

        return trimmed.Length == 0 ? null : trimmed;
    }
}
