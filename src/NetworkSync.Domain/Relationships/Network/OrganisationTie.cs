namespace NetworkSync.Domain.Relationships.Network;

/// <summary>
/// One organisation (an email domain) in the user's network: the warmest person there, how many people
/// there are at least warm, and how many the user is in touch with at all.
/// </summary>
public sealed record OrganisationTie(string Domain, ContactSummary Warmest, int WarmTies, int People)
{
    /// <summary>Everything the user has with the organisation rests on one person: lose them and it goes cold.</summary>
    public bool HangsOnOneTie => WarmTies == 1;
}
