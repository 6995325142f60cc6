namespace NetworkSync.Domain.FollowUps;

/// <summary>The names the CLI contract and the API use for each <see cref="FollowUpStatus"/>.</summary>
public static class FollowUpStatusNames
{
    public static string ToWire(this FollowUpStatus status) => status switch
    {
        FollowUpStatus.Open => "open",
        FollowUpStatus.Done => "done",
        FollowUpStatus.Dismissed => "dismissed",
        FollowUpStatus.Snoozed => "snoozed",
        FollowUpStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static FollowUpStatus Parse(string wire) => wire switch
    {
        "open" => FollowUpStatus.Open,
        "done" => FollowUpStatus.Done,
        "dismissed" => FollowUpStatus.Dismissed,
        "snoozed" => FollowUpStatus.Snoozed,
        "withdrawn" => FollowUpStatus.Withdrawn,
        _ => throw new FormatException($"unknown follow-up status '{wire}'"),
    };
}
