using NetworkSync.DemoData.Cast;
using NetworkSync.DemoData.Randomness;

namespace NetworkSync.DemoData.Mail;

/// <summary>Plausible subject lines for each kind of conversation.</summary>
internal static class SubjectLines
{
    private static readonly string[] Projects = ["Atlas", "Beacon", "Horizon", "Nimbus", "Orion", "Pioneer", "Quartz", "Summit"];

    private static readonly string[] WorkTopics =
    [
        "Q{q} planning", "Roadmap review: {p}", "{p} status update", "Budget for {p}", "Hiring plan for next quarter",
        "Feedback on the draft", "Notes from today's sync", "Quick question about {p}", "Design review for {p}",
        "Launch checklist", "Retro actions", "Offsite agenda", "Slides for Thursday", "{p} risks and mitigations",
        "Customer escalation", "OKR check-in", "Can you review this?", "Follow-up from the all-hands", "Vendor comparison",
        "Architecture proposal", "Performance review timeline", "Team lunch", "Cover while I'm away?", "Metrics for {p}",
    ];

    private static readonly string[] ClientTopics =
    [
        "Proposal for {o}", "Contract renewal", "Statement of work: {p}", "Next steps after our call", "Pricing question",
        "Invoice query", "Kick-off for {p}", "Introductions", "Workshop dates", "Pilot results", "Renewal terms",
        "Quarterly business review", "Integration timeline", "Support ticket follow-up", "Reference call request",
        "Partnership opportunity", "Updated scope for {p}", "Meeting recap",
    ];

    private static readonly string[] PersonalTopics =
    [
        "Dinner on Friday?", "Photos from the weekend", "Happy birthday!", "Running club on Sunday", "Holiday plans",
        "Book recommendation", "Catch up soon?", "Tickets for the gig", "Moving house!", "Game night",
        "That article I mentioned", "Wedding RSVP", "Long time no see", "Hiking trip", "Coffee next week?",
    ];

    private static readonly string[] CatchUpTopics =
    [
        "Catching up", "How's the new role?", "Coffee sometime?", "Congrats on the move!", "Reference request",
        "Long time no speak", "Intro to someone at {o}",
    ];

    private static readonly string[] OneOffTopics =
    [
        "Great meeting you at the conference", "Following up from the meetup", "Question about your talk",
        "Introduction via a mutual friend", "Slides from the panel", "Thanks for the chat",
    ];

    private static readonly string[] ColdInboundTopics =
    [
        "Exciting opportunity at a fast-growing startup", "Can we find 15 minutes?", "Partnership proposal",
        "Your team's tooling needs", "Speaking opportunity", "Quick intro", "Checking in",
    ];

    private static readonly string[] ColdOutboundTopics =
    [
        "Introduction from Contoso", "Speaker invitation", "Collaboration idea", "Request for a short call",
        "Following up on my note", "Research interview request",
    ];

    public static string For(PlantedContact contact, DateTimeOffset when, SeededRandom random)
    {
        var pool = contact.Kind switch
        {
            ContactKind.Colleague => WorkTopics,
            ContactKind.FormerColleague => contact.IsColleagueAt(when) ? WorkTopics : CatchUpTopics,
            ContactKind.Client => ClientTopics,
            ContactKind.Friend => PersonalTopics,
            ContactKind.Acquaintance => OneOffTopics,
            ContactKind.UnansweredInbound => ColdInboundTopics,
            ContactKind.UnansweredOutbound => ColdOutboundTopics,
            _ => WorkTopics,
        };
        return Fill(random.Pick(pool), contact, when, random);
    }

    /// <summary>Outlook's reply prefix; repeated replies do not stack it.</summary>
    public static string AsReply(string subject) =>
        subject.StartsWith("Re: ", StringComparison.Ordinal) ? subject : "Re: " + subject;

    private static string Fill(string template, PlantedContact contact, DateTimeOffset when, SeededRandom random)
    {
        var organisation = contact.Organisation.Split('.')[0];
        var organisationName = char.ToUpperInvariant(organisation[0]) + organisation[1..];
        return template
            .Replace("{p}", random.Pick(Projects), StringComparison.Ordinal)
            .Replace("{o}", organisationName, StringComparison.Ordinal)
            .Replace("{q}", (((when.Month - 1) / 3) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
