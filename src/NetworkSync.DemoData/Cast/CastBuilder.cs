using NetworkSync.DemoData.Generation;
using NetworkSync.DemoData.Identity;
using NetworkSync.DemoData.Mail;
using NetworkSync.DemoData.Randomness;
using NetworkSync.DemoData.Time;

namespace NetworkSync.DemoData.Cast;

/// <summary>Plants the correspondents: who they are, how strong each tie is, and when each is active.</summary>
internal sealed class CastBuilder
{
    /// <summary>Attendees of the all-staff town hall, the owner included.</summary>
    public const int TownHallSize = 200;

    private static readonly TimeSpan DormancyThreshold = TimeSpan.FromDays(180);

    private readonly MailboxPeriod _period;
    private readonly SeededRandom _random;
    private readonly UniquePersonNames _names;
    private readonly List<PlantedContact> _contacts = [];

    private CastBuilder(int seed, MailboxPeriod period)
    {
        _period = period;
        _random = SeededRandom.For(seed, "cast");
        _names = new UniquePersonNames(_random.Fork("names"));
    }

    public static DemoCast Build(int seed, int contacts, MailboxPeriod period, MailboxOwner owner)
    {
        var builder = new CastBuilder(seed, period);
        var composition = RosterComposition.For(contacts);
        builder.AddColleagues(composition.Colleagues);
        builder.AddClients(composition.Clients);
        builder.AddFriends(composition.Friends);
        builder.AddFormerColleagues(composition.FormerColleagues);
        builder.AddOneOffPeople(ContactKind.Acquaintance, composition.Acquaintances, NamePools.AcquaintanceDomains, 0.02, 0.12);
        builder.AddOneOffPeople(ContactKind.UnansweredInbound, composition.UnansweredInbound, NamePools.ColdInboundDomains, 0.01, 0.05);
        builder.AddOneOffPeople(ContactKind.UnansweredOutbound, composition.UnansweredOutbound, NamePools.ColdOutboundDomains, 0.01, 0.05);
        builder.AddNoise(composition);
        builder.GiveSomePeopleASecondAddress();
        builder.LetSomePeopleUseTheAlias();
        var bystanders = builder.CreateBystanders();
        return new DemoCast(owner, builder._contacts, bystanders);
    }

    private void AddColleagues(int count)
    {
        var roles = new List<ContactRole> { ContactRole.Manager, ContactRole.DirectReport, ContactRole.DirectReport, ContactRole.DirectReport };
        roles.AddRange(Enumerable.Repeat(ContactRole.TeamMate, Math.Clamp(count - 10, 2, 5)));
        roles.AddRange([ContactRole.ChiefExecutive, ContactRole.PeopleTeam, ContactRole.OfficeManager]);
        var strengths = StratifiedStrengths(count - roles.Count, 0.08, 0.98);
        for (var position = 0; position < count; position++)
        {
            var role = position < roles.Count ? roles[position] : ContactRole.None;
            var strength = role switch
            {
                ContactRole.Manager => _random.Between(0.92, 0.97),
                ContactRole.DirectReport => _random.Between(0.72, 0.9),
                ContactRole.TeamMate => _random.Between(0.45, 0.8),
                ContactRole.ChiefExecutive => _random.Between(0.1, 0.2),
                ContactRole.PeopleTeam or ContactRole.OfficeManager => _random.Between(0.15, 0.35),
                _ => strengths[position - roles.Count],
            };
            var (given, surname) = _names.Next();
            var contact = NewPerson(
                ContactKind.Colleague,
                new MailAddress(given + " " + surname, UniquePersonNames.LocalPart(given, surname) + "@" + MailboxOwner.Domain),
                MailboxOwner.Domain,
                _random.Chance(0.85) ? ZoneRule.London : ZoneRule.Berlin,
                ActivityMode.Work,
                strength);
            contact.Role = role;
            if (role == ContactRole.None)
            {
                PlanFate(contact);
            }
        }
    }

    private void AddClients(int count)
    {
        var companies = Math.Clamp(count / 4, 3, NamePools.ClientDomains.Length);
        var strengths = StratifiedStrengths(count, 0.06, 0.9);
        for (var position = 0; position < count; position++)
        {
            // The first three clients share the first company so the monthly client sync has a full room.
            var company = position < 3 ? 0 : _random.Next(companies);
            var domain = NamePools.ClientDomains[company];
            var (given, surname) = _names.Next();
            var contact = NewPerson(
                ContactKind.Client,
                new MailAddress(given + " " + surname, UniquePersonNames.LocalPart(given, surname) + "@" + domain),
                domain,
                ZoneOfCompany(company),
                ActivityMode.Work,
                strengths[position]);
            PlanFate(contact);
        }

        var keyClient = _contacts.Where(contact => contact.Kind == ContactKind.Client && contact.Organisation == NamePools.ClientDomains[0])
            .OrderByDescending(contact => contact.PeakStrength).First();
        keyClient.Role = ContactRole.KeyClient;
        keyClient.PeakStrength = Math.Max(keyClient.PeakStrength, 0.75);
        MakeOngoing(keyClient);
    }

    private void AddFriends(int count)
    {
        var strengths = StratifiedStrengths(count, 0.1, 0.95);
        for (var position = 0; position < count; position++)
        {
            var (given, surname) = _names.Next();
            var domain = _random.Pick(NamePools.PersonalDomains);
            var contact = NewPerson(
                ContactKind.Friend,
                new MailAddress(given + " " + surname, UniquePersonNames.LocalPart(given, surname) + "@" + domain),
                domain,
                ZoneRule.London,
                ActivityMode.Personal,
                strengths[position]);
            PlanFate(contact);
        }
    }

    private void AddFormerColleagues(int count)
    {
        var strengths = StratifiedStrengths(count, 0.3, 0.85);
        for (var position = 0; position < count; position++)
        {
            var (given, surname) = _names.Next();
            var localPart = UniquePersonNames.LocalPart(given, surname);
            var name = given + " " + surname;
            var newEmployer = _random.Pick(NamePools.NewEmployerDomains);
            var departed = _random.Between(_period.At(0.15), _period.At(0.6));
            var contact = new PlantedContact
            {
                Index = _contacts.Count,
                Kind = ContactKind.FormerColleague,
                Primary = new MailAddress(name, localPart + "@" + newEmployer),
                FormerWorkIdentity = new MailAddress(name, localPart + "@" + MailboxOwner.Domain),
                DepartedAt = departed,
                AfterDepartureFactor = _random.Between(0.3, 0.5),
                Organisation = newEmployer,
                HomeZone = ZoneRule.London,
                Mode = ActivityMode.Work,
                OwnerInitiative = _random.Between(0.35, 0.65),
                PeakStrength = strengths[position],
                ActiveFrom = _period.Start,
                ActiveUntil = _period.AsOf,
            };
            _contacts.Add(contact);

            // Half of them stop writing altogether some weeks after leaving; the rest keep a thin thread going.
            var latestStop = _period.AsOf - DormancyThreshold - TimeSpan.FromDays(20);
            var earliestStop = departed + TimeSpan.FromDays(30);
            if (_random.Chance(0.5) && earliestStop < latestStop)
            {
                contact.Fate = PlannedFate.WentCold;
                contact.ActiveUntil = _random.Between(earliestStop, latestStop);
            }
        }
    }

    /// <summary>People with a single episode of contact (a one-off exchange, a cold approach, an unanswered chase).</summary>
    private void AddOneOffPeople(ContactKind kind, int count, string[] domains, double minimumStrength, double maximumStrength)
    {
        var strengths = StratifiedStrengths(count, minimumStrength, maximumStrength);
        for (var position = 0; position < count; position++)
        {
            var (given, surname) = _names.Next();
            var domain = _random.Pick(domains);
            var personal = Array.IndexOf(NamePools.PersonalDomains, domain) >= 0;
            var contact = NewPerson(
                kind,
                new MailAddress(given + " " + surname, UniquePersonNames.LocalPart(given, surname) + "@" + domain),
                domain,
                ZoneRule.London,
                personal ? ActivityMode.Personal : ActivityMode.Work,
                strengths[position]);
            var episodeLength = TimeSpan.FromDays(kind == ContactKind.Acquaintance ? 14 : _random.Between(20, 150));
            contact.ActiveFrom = _random.Between(_period.Start, _period.AsOf - TimeSpan.FromDays(3));
            contact.ActiveUntil = contact.ActiveFrom + episodeLength;
        }
    }

    private void AddNoise(RosterComposition composition)
    {
        foreach (var (name, domain, _) in NamePools.Newsletters.Take(composition.Newsletters))
        {
            var localPart = _random.Chance(0.6) ? "newsletter" : "news";
            AddNoiseSender(ContactKind.Newsletter, new MailAddress(name, localPart + "@" + domain), domain);
        }

        foreach (var (name, address, _, _) in NamePools.NotificationBots.Take(composition.NotificationBots))
        {
            AddNoiseSender(ContactKind.NotificationBot, new MailAddress(name, address), DomainOf(address));
        }

        foreach (var (name, address) in NamePools.DistributionLists.Take(composition.DistributionLists))
        {
            AddNoiseSender(ContactKind.DistributionList, new MailAddress(name, address), MailboxOwner.Domain);
        }

        foreach (var (name, address) in NamePools.BulkSenders.Take(composition.BulkSenders))
        {
            AddNoiseSender(ContactKind.BulkSender, new MailAddress(name, address), DomainOf(address));
        }
    }

    private void AddNoiseSender(ContactKind kind, MailAddress address, string organisation)
    {
        var contact = NewPerson(kind, address, organisation, ZoneRule.London, ActivityMode.Work, 0);
        // Some subscriptions begin part-way through the period, as real ones do.
        if (kind == ContactKind.Newsletter && _random.Chance(0.4))
        {
            contact.ActiveFrom = _random.Between(_period.Start, _period.At(0.7));
        }
    }

    /// <summary>
    /// A few people write from two addresses under one display name (work and personal) and both addresses show up in
    /// the same threads, so a warmth model has to merge them.
    /// </summary>
    private void GiveSomePeopleASecondAddress()
    {
        var candidates = _contacts
            .Where(contact => (contact.Kind is ContactKind.Colleague or ContactKind.Client or ContactKind.Friend)
                              && (contact.Role is ContactRole.None or ContactRole.TeamMate)
                              && contact.PeakStrength >= 0.3)
            .ToList();
        var count = Math.Max(2, (int)Math.Round(candidates.Count * 0.06));
        foreach (var contact in _random.Sample(candidates, count))
        {
            var localPart = contact.Primary.Address[..contact.Primary.Address.IndexOf('@', StringComparison.Ordinal)];
            contact.SecondIdentity = contact.Kind == ContactKind.Friend
                ? new MailAddress(contact.Primary.Name, localPart + "@" + _random.Pick(NamePools.NewEmployerDomains))
                : new MailAddress(contact.Primary.Name, localPart.Replace(".", string.Empty, StringComparison.Ordinal) + _random.Between(10, 99) + "@" + _random.Pick(NamePools.PersonalDomains));
        }
    }

    /// <summary>Friends (and a few clients) write to the short alias; the owner then answers from it.</summary>
    private void LetSomePeopleUseTheAlias()
    {
        foreach (var contact in _contacts)
        {
            contact.KnowsOwnerByAlias = contact.Kind switch
            {
                ContactKind.Friend => _random.Chance(0.5),
                ContactKind.Client => _random.Chance(0.1),
                _ => false,
            };
        }

        // However the dice fall, the closest friend uses the alias, so alias traffic always exists.
        _contacts.Where(contact => contact.Kind == ContactKind.Friend).OrderByDescending(contact => contact.PeakStrength).First().KnowsOwnerByAlias = true;
    }

    private List<MailAddress> CreateBystanders()
    {
        var bystanders = new List<MailAddress>(TownHallSize);
        for (var count = 0; count < TownHallSize - 1; count++)
        {
            var (given, surname) = _names.Next();
            bystanders.Add(new MailAddress(given + " " + surname, UniquePersonNames.LocalPart(given, surname) + "@" + MailboxOwner.Domain));
        }

        return bystanders;
    }

    private PlantedContact NewPerson(ContactKind kind, MailAddress primary, string organisation, ZoneRule zone, ActivityMode mode, double strength)
    {
        var contact = new PlantedContact
        {
            Index = _contacts.Count,
            Kind = kind,
            Primary = primary,
            Organisation = organisation,
            HomeZone = zone,
            Mode = mode,
            OwnerInitiative = _random.Between(0.3, 0.7),
            PeakStrength = strength,
            ActiveFrom = _period.Start,
            ActiveUntil = _period.AsOf,
        };
        _contacts.Add(contact);
        return contact;
    }

    /// <summary>Decides whether an ordinary tie goes on, started late, went cold, or is cooling off.</summary>
    private void PlanFate(PlantedContact contact)
    {
        var roll = _random.NextDouble();
        var typicalGap = TieBehaviour.TypicalGap(contact.PeakStrength);
        if (roll < 0.12)
        {
            var earliestStop = _period.At(0.25);
            var latestStop = _period.AsOf - DormancyThreshold - TimeSpan.FromDays(20);
            if (earliestStop < latestStop)
            {
                contact.Fate = PlannedFate.WentCold;
                contact.ActiveUntil = _random.Between(earliestStop, latestStop);
            }
        }
        else if (roll < 0.2 && contact.PeakStrength >= 0.4)
        {
            // Silent for several usual gaps, yet short of the dormancy threshold.
            var shortestSilence = TimeSpan.FromDays(Math.Max(50, 4 * typicalGap.TotalDays));
            var longestSilence = TimeSpan.FromDays(160);
            if (shortestSilence < longestSilence && _period.Length > longestSilence * 2)
            {
                contact.Fate = PlannedFate.Cooling;
                contact.ActiveUntil = _period.AsOf - _random.Between(shortestSilence, longestSilence);
            }
        }
        else if (roll < 0.35)
        {
            var earliestStart = _period.At(0.2);
            var latestStart = _period.AsOf - TimeSpan.FromDays(120);
            if (earliestStart < latestStart)
            {
                contact.Fate = PlannedFate.StartedLate;
                contact.ActiveFrom = _random.Between(earliestStart, latestStart);
            }
        }
    }

    private void MakeOngoing(PlantedContact contact)
    {
        contact.Fate = PlannedFate.Ongoing;
        contact.ActiveFrom = _period.Start;
        contact.ActiveUntil = _period.AsOf;
    }

    /// <summary>Strengths spread evenly over a range (one per stratum, shuffled), so rank statistics have something to rank.</summary>
    private List<double> StratifiedStrengths(int count, double minimum, double maximum)
    {
        var strengths = new List<double>(count);
        for (var stratum = 0; stratum < count; stratum++)
        {
            strengths.Add(minimum + ((maximum - minimum) * (stratum + _random.NextDouble()) / count));
        }

        _random.Shuffle(strengths);
        return strengths;
    }

    private static ZoneRule ZoneOfCompany(int company) => (company % 4) switch
    {
        0 => ZoneRule.PacificWindows,
        1 => ZoneRule.London,
        2 => ZoneRule.Berlin,
        _ => ZoneRule.EasternWindows,
    };

    private static string DomainOf(string address) => address[(address.IndexOf('@', StringComparison.Ordinal) + 1)..];
}
