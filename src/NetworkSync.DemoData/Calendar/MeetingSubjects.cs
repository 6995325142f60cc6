using NetworkSync.DemoData.Cast;
using NetworkSync.DemoData.Randomness;

namespace NetworkSync.DemoData.Calendar;

/// <summary>Plausible meeting titles by kind of relationship.</summary>
internal static class MeetingSubjects
{
    private static readonly string[] Projects = ["Atlas", "Beacon", "Horizon", "Nimbus", "Orion", "Pioneer", "Quartz", "Summit"];

    private static readonly string[] Work =
    [
        "Catch-up", "{p} working session", "Planning: {p}", "Design review", "Interview debrief", "Coffee chat",
        "{p} demo", "Budget review", "Brainstorm: {p}", "Hiring sync", "Retro", "Incident review",
    ];

    private static readonly string[] Client =
    [
        "Call with {o}", "{o} / Contoso: {p}", "Proposal walkthrough", "QBR with {o}", "Contract discussion",
        "Workshop: {p}", "Onboarding session", "Pilot review",
    ];

    private static readonly string[] Personal =
    [
        "Lunch", "Drinks", "Dinner", "Climbing", "Birthday drinks", "Coffee", "Cinema", "Park run",
    ];

    private static readonly string[] CatchUp = ["Coffee catch-up", "Lunch catch-up", "Quick call"];

    public static string For(PlantedContact contact, DateTimeOffset when, SeededRandom random)
    {
        var pool = contact.Kind switch
        {
            ContactKind.Client => Client,
            ContactKind.Friend => Personal,
            ContactKind.FormerColleague when !contact.IsColleagueAt(when) => CatchUp,
            _ => Work,
        };
        var organisation = contact.Organisation.Split('.')[0];
        return random.Pick(pool)
            .Replace("{p}", random.Pick(Projects), StringComparison.Ordinal)
            .Replace("{o}", char.ToUpperInvariant(organisation[0]) + organisation[1..], StringComparison.Ordinal);
    }

    /// <summary>Outlook's prefix for a meeting the organiser cancelled.</summary>
    public static string AsCancelled(string subject) => "Canceled: " + subject;
}
