namespace NetworkSync.Domain.Relationships;

/// <summary>How the user's corrections and chosen dormant threshold change the relationship rules for their mailbox.</summary>
public static class UserCorrections
{
    /// <summary>
    /// The rules as they apply to one mailbox: <paramref name="configured"/>, then the user's own dormant
    /// threshold, then their corrections (marked as person, muted, kept apart, confirmed as one person).
    /// </summary>
    public static RelationshipOptions Apply(RelationshipOptions configured, IEnumerable<UserCorrection> corrections, int? dormantDays)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(corrections);
        var person = new HashSet<string>(StringComparer.Ordinal);
        var muted = new HashSet<string>(StringComparer.Ordinal);
        var apart = new HashSet<(string, string)>();
        var same = new HashSet<(string, string)>();
        foreach (var correction in corrections)
        {
            switch (correction.Kind)
            {
                case ContactOverrideKind.Person: person.Add(correction.Address); break;
                case ContactOverrideKind.Muted: muted.Add(correction.Address); break;
                case ContactOverrideKind.Apart: apart.Add((correction.Address, correction.OtherAddress)); break;
                case ContactOverrideKind.Same: same.Add((correction.Address, correction.OtherAddress)); break;
                default: break;
            }
        }

        return configured with
        {
            DormantAfter = dormantDays is { } days ? TimeSpan.FromDays(days) : configured.DormantAfter,
            MarkedAsPerson = person,
            Muted = muted,
            KeptApart = apart,
            ConfirmedMerges = same,
        };
    }

    /// <summary>
    /// The rules for scoring one person on their own, all their interactions counted under
    /// <paramref name="mainAddress"/>: a mute or a person mark on any of their addresses applies to it,
    /// and keep-aparts no longer matter, as nothing is merged.
    /// </summary>
    public static RelationshipOptions ForOnePerson(RelationshipOptions options, string mainAddress, IReadOnlyCollection<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(addresses);
        return options with
        {
            Muted = addresses.Any(a => options.Muted?.Contains(a) ?? false) ? new HashSet<string>(StringComparer.Ordinal) { mainAddress } : null,
            MarkedAsPerson = addresses.Any(a => options.MarkedAsPerson?.Contains(a) ?? false) ? new HashSet<string>(StringComparer.Ordinal) { mainAddress } : null,
            KeptApart = null,
        };
    }
}
