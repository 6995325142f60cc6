namespace NetworkSync.DemoData.Cast;

/// <summary>The raw material for names and domains. Every domain is under <c>.example</c> (RFC 2606), so no real person or company is ever addressed.</summary>
internal static class NamePools
{
    public static readonly string[] GivenNames =
    [
        "Aaron", "Abigail", "Adrian", "Aisha", "Alex", "Alina", "Amara", "Andre", "Anika", "Ben", "Bianca", "Caleb",
        "Carmen", "Chen", "Chloe", "Daniel", "Deepa", "Diego", "Elena", "Eli", "Emeka", "Emma", "Farah", "Felix",
        "Fiona", "Gabriel", "Grace", "Hannah", "Hiro", "Ibrahim", "Ines", "Isaac", "Ivy", "Jack", "Jasmine", "Javier",
        "Jonas", "Julia", "Kai", "Kamala", "Kenji", "Laila", "Leo", "Lena", "Liam", "Lucia", "Maya", "Marco", "Mei",
        "Miguel", "Mina", "Nadia", "Nathan", "Nia", "Noah", "Olivia", "Omar", "Oscar", "Paula", "Pedro", "Priya",
        "Quinn", "Rafael", "Rania", "Ravi", "Rosa", "Ruth", "Sam", "Sara", "Sebastian", "Sofia", "Stefan", "Tariq",
        "Tessa", "Theo", "Uma", "Victor", "Vera", "Wei", "Will", "Xavier", "Yara", "Yusuf", "Zara", "Zoe", "Tomas",
        "Helena", "Arjun", "Beatriz", "Callum",
    ];

    public static readonly string[] Surnames =
    [
        "Abe", "Adeyemi", "Alvarez", "Andersen", "Bauer", "Becker", "Bennett", "Bose", "Carter", "Castro", "Chandra",
        "Chen", "Costa", "Dalton", "Dubois", "Edwards", "Eriksen", "Fischer", "Fleming", "Garcia", "Gupta", "Hale",
        "Hansen", "Hayes", "Horvat", "Ibrahim", "Ito", "Jensen", "Kaur", "Keller", "Khan", "Kim", "Kowalski", "Larsen",
        "Lee", "Lindqvist", "Lopez", "Marsh", "Martins", "Mehta", "Moreau", "Murphy", "Nakamura", "Novak", "Nwosu",
        "Okafor", "Olsen", "Ortiz", "Park", "Patel", "Petrov", "Quinn", "Ramos", "Reyes", "Rossi", "Sato", "Schmidt",
        "Shah", "Silva", "Singh", "Sokolov", "Tanaka", "Taylor", "Thompson", "Torres", "Tran", "Usman", "Varga",
        "Vogel", "Walsh", "Wang", "Weber", "Wilson", "Wright", "Yamamoto", "Young", "Zhang", "Zimmer", "Ahmed",
        "Brennan", "Dimitrov", "Ferreira", "Greco", "Holm", "Iyer", "Janssen", "Kovac", "Moretti", "Nieminen", "Osei",
    ];

    /// <summary>Client and partner organisations; the first is US-based and hosts the monthly client sync.</summary>
    public static readonly string[] ClientDomains =
    [
        "fabrikam.example", "northwind.example", "adventure-works.example", "tailspin.example", "woodgrove.example",
        "litware.example", "wingtip.example", "proseware.example", "lucerne.example", "fourthcoffee.example",
        "relecloud.example", "treyresearch.example", "alpineski.example", "margiestravel.example",
    ];

    public static readonly string[] PersonalDomains = ["gmail.example", "outlook.example", "proton.example", "icloud.example"];

    /// <summary>Where former colleagues went.</summary>
    public static readonly string[] NewEmployerDomains =
    [
        "blueyonder.example", "cohowinery.example", "graphicdesign.example", "humongous.example", "southridge.example",
        "contoso-pharma.example", "worldwideimporters.example",
    ];

    /// <summary>Conferences, universities and communities where one-off acquaintances come from.</summary>
    public static readonly string[] AcquaintanceDomains =
    [
        "techconf.example", "university.example", "meetup-london.example", "openworks.example", "designguild.example",
        "gmail.example", "outlook.example",
    ];

    /// <summary>Recruiters and vendors who write and never get an answer.</summary>
    public static readonly string[] ColdInboundDomains =
    [
        "talentbridge.example", "vendorly.example", "hirewise.example", "saasquotes.example", "consultpro.example",
    ];

    /// <summary>Busy people the owner writes to and never hears back from.</summary>
    public static readonly string[] ColdOutboundDomains =
    [
        "bigcorp.example", "megabank.example", "globalmedia.example", "govagency.example", "venturefund.example",
    ];

    /// <summary>Newsletters: display name, sender domain and how often an issue goes out (days).</summary>
    public static readonly (string Name, string Domain, int EveryDays)[] Newsletters =
    [
        ("Tech Digest", "techdigest.example", 7), ("Industry Weekly", "industryweekly.example", 7),
        ("The Morning Brief", "morningbrief.example", 1), ("Product Hunt Daily", "producthunt.example", 1),
        ("Design Matters", "designmatters.example", 14), ("Cloud Native News", "cloudnative.example", 7),
        ("Data Science Monthly", "datasciencemonthly.example", 30), ("Leadership Notes", "leadershipnotes.example", 7),
        ("Security Bulletin", "securitybulletin.example", 7), ("Startup Pulse", "startuppulse.example", 3),
        ("Finance Today", "financetoday.example", 1), ("Remote Work Review", "remotework.example", 30),
        ("AI Weekly", "aiweekly.example", 7), ("UX Collective", "uxcollective.example", 7),
        ("Market Watch", "marketwatch.example", 2), ("Conference Circuit", "confcircuit.example", 30),
        ("Open Source Roundup", "osroundup.example", 7), ("The Analyst", "theanalyst.example", 14),
        ("Future of Work", "futureofwork.example", 30), ("Contoso Alumni News", "alumni.example", 30),
        ("Travel Deals", "traveldeals.example", 7), ("City Events", "cityevents.example", 7),
        ("Book Club Picks", "bookclub.example", 30), ("Fitness Weekly", "fitnessweekly.example", 7),
    ];

    /// <summary>Notification senders: display name, address, whether they mark mail Auto-Submitted, and average messages per week.</summary>
    public static readonly (string Name, string Address, bool AutoSubmitted, double PerWeek)[] NotificationBots =
    [
        ("GitHub", "noreply@github.example", true, 6), ("Jira", "notifications@tracker.example", true, 5),
        ("Monitoring", "alerts@monitoring.example", true, 3), ("CloudHost Billing", "billing@cloudhost.example", false, 0.25),
        ("Contoso IT", "noreply@contoso.example", true, 0.5), ("Expenses", "do-not-reply@expenses.example", true, 1),
        ("Calendar", "calendar-noreply@calendar.example", true, 1), ("Slack", "notifications@chat.example", false, 4),
        ("Travel Desk", "bookings@traveldesk.example", false, 0.3), ("Payroll", "payroll-noreply@contoso.example", true, 0.25),
        ("LinkedIn", "messages-noreply@social.example", false, 2), ("Zoom", "no-reply@meetings.example", false, 1),
        ("Bank Alerts", "alerts@bank.example", true, 1), ("Status Page", "status@statuspage.example", true, 0.5),
        ("DocuSign", "dse@esign.example", false, 0.3), ("Figma", "notifications@design-tool.example", false, 1),
        ("Confluence", "confluence@wiki.example", true, 2), ("Azure DevOps", "azuredevops@devops.example", true, 3),
    ];

    public static readonly (string Name, string Address)[] DistributionLists =
    [
        ("All Staff", "all-staff@contoso.example"), ("London Office", "london-office@contoso.example"),
    ];

    /// <summary>Sales-sequence senders whose addresses look like a person's.</summary>
    public static readonly (string Name, string Address)[] BulkSenders =
    [
        ("Jordan Blake", "jordan.blake@growthleads.example"), ("Casey Morgan", "casey.morgan@partnerreach.example"),
    ];

    public static readonly (string Name, string Address)[] MeetingRooms =
    [
        ("Room 4.12", "room-4.12@contoso.example"), ("Room 3.01 (Boardroom)", "room-3.01@contoso.example"),
        ("Room 2.07", "room-2.07@contoso.example"),
    ];
}
