namespace NetworkSync.Domain.FollowUps;

/// <summary>The names the API's status query uses for each <see cref="FollowUpFilter"/>.</summary>
public static class FollowUpFilterNames
{
    public static string ToWire(this FollowUpFilter filter) => filter switch
    {
        FollowUpFilter.Active => "active",
        FollowUpFilter.Open => "open",
        FollowUpFilter.Snoozed => "snoozed",
        FollowUpFilter.Done => "done",
        FollowUpFilter.Dismissed => "dismissed",
        FollowUpFilter.All => "all",
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
    };

    /// <summary>The filter named <paramref name="wire"/>; no name at all is <see cref="FollowUpFilter.Active"/>. False for a name that is none.</summary>
    public static bool TryFromWire(string? wire, out FollowUpFilter filter)
    {
        FollowUpFilter? parsed = wire switch
        {
            null or "active" => FollowUpFilter.Active,
            "open" => FollowUpFilter.Open,
            "snoozed" => FollowUpFilter.Snoozed,
            "done" => FollowUpFilter.Done,
            "dismissed" => FollowUpFilter.Dismissed,
            "all" => FollowUpFilter.All,
            _ => null,
        };
        filter = parsed ?? FollowUpFilter.Active;
        return parsed is not null;
    }

    /// <summary>True when a follow-up in <paramref name="status"/> (as seen now) is listed under <paramref name="filter"/>.</summary>
    public static bool Matches(this FollowUpFilter filter, FollowUpStatus status) => filter switch
    {
        FollowUpFilter.Active => status is FollowUpStatus.Open or FollowUpStatus.Snoozed,
        FollowUpFilter.Open => status == FollowUpStatus.Open,
        FollowUpFilter.Snoozed => status == FollowUpStatus.Snoozed,
        FollowUpFilter.Done => status == FollowUpStatus.Done,
        FollowUpFilter.Dismissed => status == FollowUpStatus.Dismissed,
        FollowUpFilter.All => true,
        _ => false,
    };
}
