namespace NetworkSync.Domain.Relationships.Introductions;

/// <summary>
/// A colleague who knows the target, as a caller may learn it: the colleague's name and their tier with the
/// target, nothing else (no address of the target's, no date, count, subject or message), so opting in reveals
/// only "Bo Berg knows them, warmly". <see cref="ColleagueId"/> is for the service's own filtering and caching
/// and is never sent to a caller.
/// </summary>
public sealed record OrganisationIntroducer(string ColleagueId, string DisplayName, string Tier);
