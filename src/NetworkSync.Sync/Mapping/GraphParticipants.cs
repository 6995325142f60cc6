using NetworkSync.Domain.Addresses;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Sync.Mapping;

/// <summary>Turns Graph's <c>recipient</c>/<c>emailAddress</c> into a normalised participant.</summary>
public static class GraphParticipants
{
    public static Participant? From(Microsoft.Graph.Models.Recipient? recipient)
    {
        var address = EmailAddressNormalizer.Normalize(recipient?.EmailAddress?.Address);
        return address is null ? null : new Participant(address, CleanName(recipient?.EmailAddress?.Name));
    }

    /// <summary>Trims quotes and whitespace and caps the length; names are shown, never interpreted.</summary>
    public static string? CleanName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim().Trim('"', '\'').Trim();
        return trimmed.Length == 0 ? null : trimmed.Length > 256 ? trimmed[..256] : trimmed;
    }
}
