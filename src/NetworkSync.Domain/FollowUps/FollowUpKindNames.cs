namespace NetworkSync.Domain.FollowUps;

/// <summary>The names the CLI contract and the API use for each <see cref="FollowUpKind"/>.</summary>
public static class FollowUpKindNames
{
    public static string ToWire(this FollowUpKind kind) => kind switch
    {
        FollowUpKind.AfterMeeting => "after-meeting",
        FollowUpKind.BeforeMeeting => "before-meeting",
        FollowUpKind.Reconnect => "reconnect",
        FollowUpKind.Manual => "manual",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static FollowUpKind Parse(string wire) => wire switch
    {
        "after-meeting" => FollowUpKind.AfterMeeting,
        "before-meeting" => FollowUpKind.BeforeMeeting,
        "reconnect" => FollowUpKind.Reconnect,
        "manual" => FollowUpKind.Manual,
        _ => throw new FormatException($"unknown follow-up kind '{wire}'"),
    };
}
