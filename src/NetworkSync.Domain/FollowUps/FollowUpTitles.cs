using System.Globalization;
using System.Text;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Domain.FollowUps;

/// <summary>The plain-words titles follow-ups carry (into To Do too), stable from run to run.</summary>
public static class FollowUpTitles
{
    private const int LongestSubject = 80;

    public static string AfterMeeting(IReadOnlyList<Participant> people, string? subject) =>
        $"Follow up with {Names(people)} after {Quoted(subject)}";

    public static string FirstMeeting(IReadOnlyList<Participant> people, string? subject) =>
        $"Before {Quoted(subject)}: first meeting with {Names(people)}";

    public static string Reacquaint(IReadOnlyList<Participant> people, string? subject, DateTimeOffset lastContact) =>
        $"Before {Quoted(subject)}: catch up on {Names(people)}, last in touch {MonthOf(lastContact)}";

    public static string Reconnect(Participant person, DateTimeOffset lastContact) =>
        $"Reconnect with {NameOf(person)}, last in touch {MonthOf(lastContact)}";

    /// <summary>The same, for a person who has since moved to another organisation: "…, now at Adatum".</summary>
    public static string Reconnect(Participant person, DateTimeOffset lastContact, string? movedTo) =>
        string.IsNullOrWhiteSpace(movedTo) ? Reconnect(person, lastContact) : $"{Reconnect(person, lastContact)}, now at {Clean(movedTo, 60)}";

    /// <summary>"Ana Abe", "Ana Abe (and 1 other)", "Ana Abe (and 3 others)".</summary>
    public static string Names(IReadOnlyList<Participant> people) => people.Count switch
    {
        0 => "nobody",
        1 => NameOf(people[0]),
        2 => $"{NameOf(people[0])} (and 1 other)",
        _ => $"{NameOf(people[0])} (and {people.Count - 1} others)",
    };

    public static string NameOf(Participant person) =>
        string.IsNullOrWhiteSpace(person.DisplayName) ? person.Address : Clean(person.DisplayName, 60);

    private static string Quoted(string? subject) =>
        string.IsNullOrWhiteSpace(subject) ? "your meeting" : $"'{Clean(subject, LongestSubject)}'";

    private static string MonthOf(DateTimeOffset at) => at.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>One line, no control characters, at most <paramref name="limit"/> characters.</summary>
    private static string Clean(string text, int limit)
    {
        var builder = new StringBuilder(Math.Min(text.Length, limit + 1));
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
            if (builder.Length >= limit)
            {
                builder.Append('…');
                break;
            }
        }

        return builder.ToString();
    }
}
