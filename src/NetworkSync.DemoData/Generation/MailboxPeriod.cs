namespace NetworkSync.DemoData.Generation;

/// <summary>The span the mailbox covers: mail from <see cref="Start"/> to <see cref="AsOf"/>, meetings up to <see cref="CalendarHorizon"/>.</summary>
internal sealed record MailboxPeriod(DateTimeOffset Start, DateTimeOffset AsOf)
{
    /// <summary>How far ahead the calendar is filled, so the demo has upcoming meetings.</summary>
    public static readonly TimeSpan UpcomingWindow = TimeSpan.FromDays(21);

    public DateTimeOffset CalendarHorizon => AsOf + UpcomingWindow;

    public TimeSpan Length => AsOf - Start;

    /// <summary>A point at the given fraction of the mail history (0 = start, 1 = as-of).</summary>
    public DateTimeOffset At(double fraction) => Start + (Length * fraction);
}
