using System.Globalization;
using NetworkSync.DemoData.Cast;
using NetworkSync.DemoData.Generation;
using NetworkSync.DemoData.Randomness;
using NetworkSync.DemoData.Time;

namespace NetworkSync.DemoData.Mail;

/// <summary>
/// Generates the mail a warmth model must see through: newsletters with list headers, notification bots,
/// all-staff distribution-list mail, and a high-volume sales sequence from a normal-looking address.
/// None of it is ever answered.
/// </summary>
internal sealed class NoiseMailGenerator(DemoCast cast, MessageFactory factory, MailboxPeriod period, SeededRandom random, double volumeScale)
{
    private static readonly string[] Headlines =
    [
        "This week's top stories", "5 trends to watch", "What we learned this quarter", "The big interview",
        "Your weekly roundup", "Editor's picks", "Deep dive: the state of the market", "Ten tools worth trying",
        "Events near you", "The numbers that matter", "Special edition", "Year in review",
    ];

    private static readonly string[] BotSubjects =
    [
        "[contoso/api] Build failed on main", "[contoso/web] Pull request #{n} ready for review", "PROJ-{n} was assigned to you",
        "Alert: CPU above 90% on web-0{d}", "Your invoice #{n} is ready", "Password expires in 7 days",
        "Expense report {n} approved", "Reminder: timesheet due", "New sign-in to your account", "Weekly usage summary",
        "You have {d} new notifications", "Incident resolved: elevated error rates", "Document shared with you",
        "Your booking is confirmed", "Payslip available",
    ];

    private static readonly string[] BroadcastSubjects =
    [
        "Quarterly all-hands: save the date", "Office closure over the holidays", "Welcome our new joiners",
        "Benefits enrolment opens Monday", "Results of the engagement survey", "Update on our strategy",
        "Fire drill on Thursday", "New expense policy", "Building works next week", "Summer party!",
    ];

    private static readonly string[] SalesSubjects =
    [
        "Quick question, Dana", "Dana, 15 minutes next week?", "Idea for your team", "Saw your recent launch",
        "Case study you might like", "Last try", "Is this on your radar?", "Following up",
    ];

    public void Generate(List<GeneratedMessage> sink)
    {
        foreach (var contact in cast.Contacts)
        {
            var stream = random.Fork("noise", contact.Index);
            switch (contact.Kind)
            {
                case ContactKind.Newsletter:
                    GenerateNewsletter(contact, stream, sink);
                    break;
                case ContactKind.NotificationBot:
                    GenerateNotifications(contact, stream, sink);
                    break;
                case ContactKind.DistributionList:
                    GenerateBroadcasts(contact, stream, sink);
                    break;
                case ContactKind.BulkSender:
                    GenerateSalesSequence(contact, stream, sink);
                    break;
            }
        }
    }

    /// <summary>One more automated message at an instant, used to hit an exact message count.</summary>
    public GeneratedMessage CreateOne(PlantedContact sender, DateTimeOffset sent, SeededRandom stream) => sender.Kind switch
    {
        ContactKind.Newsletter => NewsletterIssue(sender, sent, stream),
        ContactKind.BulkSender => SalesMessage(sender, sent, stream.Pick(SalesSubjects), factory.NewConversationId(), stream),
        _ => Notification(sender, sent, stream),
    };

    private void GenerateNewsletter(PlantedContact contact, SeededRandom stream, List<GeneratedMessage> sink)
    {
        var everyDays = NamePools.Newsletters.First(newsletter => newsletter.Name == contact.Primary.Name).EveryDays;
        var sendHour = stream.Between(6, 9);
        var keepChance = Math.Min(1.0, volumeScale);
        for (var day = DateOnly.FromDateTime(contact.ActiveFrom.UtcDateTime); day.ToDateTime(TimeOnly.MinValue) < period.AsOf.UtcDateTime; day = day.AddDays(everyDays))
        {
            // Daily titles skip weekends, like most do.
            if (everyDays == 1 && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var sent = ZoneRule.London.FromLocal(day.ToDateTime(new TimeOnly(sendHour, stream.Next(30), stream.Next(60))));
            if (sent <= period.AsOf && stream.Chance(keepChance))
            {
                sink.Add(NewsletterIssue(contact, sent, stream));
            }
        }
    }

    private GeneratedMessage NewsletterIssue(PlantedContact contact, DateTimeOffset sent, SeededRandom stream)
    {
        var domain = contact.Organisation;
        var listName = contact.Primary.Address[..contact.Primary.Address.IndexOf('@', StringComparison.Ordinal)];
        MessageHeader[] headers =
        [
            new("List-Unsubscribe", $"<mailto:unsubscribe@{domain}?subject=unsubscribe>, <https://{domain}/unsubscribe?u={stream.NextUInt64():x12}>"),
            new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            new("List-Id", $"{contact.Primary.Name} <{listName}.{domain}>"),
            new("Precedence", "bulk"),
        ];
        return factory.IncomingFromMachine(
            contact.Primary, [cast.Owner.Primary], [], contact.Primary.Name + ": " + stream.Pick(Headlines), factory.NewConversationId(), sent,
            "other", readChance: 0.35, deleteChance: 0.2, headers, stream);
    }

    private void GenerateNotifications(PlantedContact contact, SeededRandom stream, List<GeneratedMessage> sink)
    {
        var perWeek = NamePools.NotificationBots.First(bot => bot.Address == contact.Primary.Address).PerWeek * volumeScale;
        for (var weekStart = period.Start; weekStart < period.AsOf; weekStart += TimeSpan.FromDays(7))
        {
            var count = stream.Poisson(perWeek);
            for (var index = 0; index < count; index++)
            {
                var sent = ActivityClock.MomentOn(DateOnly.FromDateTime(weekStart.UtcDateTime.AddDays(stream.Next(7))), ZoneRule.London, ActivityMode.Work, stream);
                if (sent <= period.AsOf)
                {
                    sink.Add(Notification(contact, sent, stream));
                }
            }
        }
    }

    private GeneratedMessage Notification(PlantedContact contact, DateTimeOffset sent, SeededRandom stream)
    {
        var autoSubmitted = NamePools.NotificationBots.First(bot => bot.Address == contact.Primary.Address).AutoSubmitted;
        MessageHeader[] headers = autoSubmitted
            ? [new("Auto-Submitted", "auto-generated"), new("X-Auto-Response-Suppress", "All")]
            : [new("X-Auto-Response-Suppress", "All")];
        var subject = stream.Pick(BotSubjects)
            .Replace("{n}", stream.Between(100, 9999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{d}", stream.Between(1, 9).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        // Alerts about things the owner runs are the one kind of machine mail Focused Inbox lets through.
        var isAlert = contact.Primary.Address.StartsWith("alerts@", StringComparison.Ordinal) || subject.StartsWith("Alert", StringComparison.Ordinal);
        return factory.IncomingFromMachine(
            contact.Primary, [cast.Owner.Primary], [], subject, factory.NewConversationId(), sent,
            isAlert && stream.Chance(0.5) ? "focused" : "other", readChance: 0.6, deleteChance: 0.1, headers, stream);
    }

    /// <summary>
    /// Mail to a distribution list from a senior colleague. The owner gets it through the list, so only the list is
    /// addressed; a long To and Cc of other staff makes it look like a busy thread.
    /// </summary>
    private void GenerateBroadcasts(PlantedContact list, SeededRandom stream, List<GeneratedMessage> sink)
    {
        var isAllStaff = list.Primary.Address.StartsWith("all-staff@", StringComparison.Ordinal);
        var senders = isAllStaff
            ? cast.AllWithRole(ContactRole.ChiefExecutive).Concat(cast.AllWithRole(ContactRole.PeopleTeam)).ToList()
            : cast.AllWithRole(ContactRole.OfficeManager).ToList();
        var perMonth = (isAllStaff ? 2.5 : 1.5) * volumeScale;
        for (var monthStart = period.Start; monthStart < period.AsOf; monthStart += TimeSpan.FromDays(30))
        {
            var count = stream.Poisson(perMonth);
            for (var index = 0; index < count; index++)
            {
                var sender = stream.Pick(senders);
                var sent = ActivityClock.MomentOn(DateOnly.FromDateTime(monthStart.UtcDateTime.AddDays(stream.Next(30))), ZoneRule.London, ActivityMode.Work, stream);
                if (sent > period.AsOf)
                {
                    continue;
                }

                var staff = StaffAt(sent, sender);
                var to = new List<MailAddress> { list.Primary };
                to.AddRange(stream.Sample(staff, stream.Between(2, 6)));
                var cc = stream.Sample(staff, stream.Between(10, 41)).Where(address => !to.Contains(address)).ToList();
                sink.Add(factory.IncomingFromMachine(
                    sender.AddressAt(sent), to, cc, stream.Pick(BroadcastSubjects), factory.NewConversationId(), sent,
                    "focused", readChance: 0.8, deleteChance: 0.05, [], stream));
            }
        }
    }

    private List<MailAddress> StaffAt(DateTimeOffset instant, PlantedContact sender) =>
        cast.Contacts.Where(contact => contact.IsColleagueAt(instant) && contact != sender)
            .Select(contact => contact.AddressAt(instant))
            .Concat(cast.Bystanders)
            .ToList();

    /// <summary>A sales sequence: several messages a week for the whole period, a third of them fake "Re:" bumps.</summary>
    private void GenerateSalesSequence(PlantedContact contact, SeededRandom stream, List<GeneratedMessage> sink)
    {
        var perWeek = stream.Between(3.0, 5.0) * volumeScale;
        string? lastSubject = null;
        string? lastConversation = null;
        for (var weekStart = period.Start; weekStart < period.AsOf; weekStart += TimeSpan.FromDays(7))
        {
            var count = stream.Poisson(perWeek);
            for (var index = 0; index < count; index++)
            {
                var sent = ActivityClock.MomentOn(DateOnly.FromDateTime(weekStart.UtcDateTime.AddDays(stream.Next(7))), contact.HomeZone, ActivityMode.Work, stream);
                if (sent > period.AsOf)
                {
                    continue;
                }

                var bump = lastSubject is not null && lastConversation is not null && stream.Chance(0.33);
                var subject = bump ? SubjectLines.AsReply(lastSubject!) : stream.Pick(SalesSubjects);
                var conversation = bump ? lastConversation! : factory.NewConversationId();
                sink.Add(SalesMessage(contact, sent, subject, conversation, stream));
                lastSubject = subject;
                lastConversation = conversation;
            }
        }
    }

    private GeneratedMessage SalesMessage(PlantedContact contact, DateTimeOffset sent, string subject, string conversationId, SeededRandom stream) =>
        factory.IncomingFromMachine(
            contact.Primary, [cast.Owner.Primary], [], subject, conversationId, sent,
            stream.Chance(0.6) ? "focused" : "other", readChance: 0.35, deleteChance: 0.2, [], stream);
}
