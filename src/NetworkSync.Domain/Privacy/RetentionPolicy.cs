using NetworkSync.Domain.FollowUps;

namespace NetworkSync.Domain.Privacy;

/// <summary>
/// What retention deletes (docs: Privacy:RetentionDays): everything that ended before the cutoff, the
/// moment <see cref="RetentionDays"/> before now. A message goes once both its sending and its receipt
/// are before it, an event once it has ended before it; an open follow-up once its cause (the meeting's
/// end, else its start, else the follow-up's creation) is before it, and a closed one once its completion
/// also is, so a recent decision about an old meeting is kept. Anything at or after the cutoff stays.
/// Zero or fewer days turns retention off.
/// </summary>
public sealed record RetentionPolicy(int RetentionDays)
{
    /// <summary>The statuses that keep a follow-up as long as its cause is recent, whenever it was last touched.</summary>
    public static readonly IReadOnlyList<FollowUpStatus> StillToDo = [FollowUpStatus.Open, FollowUpStatus.Snoozed];

    public bool IsOn => RetentionDays > 0;

    /// <summary>The oldest moment kept at <paramref name="now"/>, or null when retention is off.</summary>
    public DateTimeOffset? CutoffAt(DateTimeOffset now) => IsOn ? now - TimeSpan.FromDays(RetentionDays) : null;

    public static bool MessageIsPast(DateTimeOffset sent, DateTimeOffset received, DateTimeOffset cutoff) =>
        (sent > received ? sent : received) < cutoff;

    public static bool EventIsPast(DateTimeOffset end, DateTimeOffset cutoff) => end < cutoff;

    /// <summary>The moment a follow-up's age is measured from: its meeting's end, else its start, else its creation.</summary>
    public static DateTimeOffset CauseOf(DateTimeOffset? meetingEnd, DateTimeOffset? meetingStart, DateTimeOffset created) =>
        meetingEnd ?? meetingStart ?? created;

    /// <param name="status">The stored status.</param>
    /// <param name="cause">See <see cref="CauseOf"/>.</param>
    /// <param name="closed">When it was completed, else last updated.</param>
    /// <param name="cutoff">See <see cref="CutoffAt"/>.</param>
    public static bool FollowUpIsPast(FollowUpStatus status, DateTimeOffset cause, DateTimeOffset closed, DateTimeOffset cutoff) =>
        cause < cutoff && (StillToDo.Contains(status) || closed < cutoff);
}
