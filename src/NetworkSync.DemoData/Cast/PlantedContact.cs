using NetworkSync.DemoData.Mail;
using NetworkSync.DemoData.Time;

namespace NetworkSync.DemoData.Cast;

/// <summary>
/// One correspondent of the owner with the intentions the generator plants: how strong the tie is, when it is
/// active, how and when the person writes. What actually got generated is measured separately.
/// </summary>
internal sealed class PlantedContact
{
    /// <summary>Strength halves for every this many days a tie has been silent since it stopped.</summary>
    private static readonly TimeSpan StrengthHalfLife = TimeSpan.FromDays(120);

    public required int Index { get; init; }

    public required ContactKind Kind { get; init; }

    public ContactRole Role { get; set; }

    /// <summary>The address the person uses now; the truth file's <c>address</c>.</summary>
    public required MailAddress Primary { get; init; }

    /// <summary>A second address under the same display name (personal next to work, or the reverse) that appears in the same threads.</summary>
    public MailAddress? SecondIdentity { get; set; }

    /// <summary>For former colleagues: their <c>contoso.example</c> address, used until <see cref="DepartedAt"/>.</summary>
    public MailAddress? FormerWorkIdentity { get; init; }

    public DateTimeOffset? DepartedAt { get; init; }

    /// <summary>Tie strength while the relationship is at its usual level (for former colleagues: while they were colleagues).</summary>
    public double PeakStrength { get; set; }

    /// <summary>How much of the tie survives a former colleague's departure.</summary>
    public double AfterDepartureFactor { get; init; } = 1.0;

    public PlannedFate Fate { get; set; }

    public DateTimeOffset ActiveFrom { get; set; }

    public DateTimeOffset ActiveUntil { get; set; }

    /// <summary>The mail domain of the person's organisation; people who share it appear in the same group threads.</summary>
    public required string Organisation { get; init; }

    public required ZoneRule HomeZone { get; init; }

    public required ActivityMode Mode { get; init; }

    /// <summary>Whether the person writes to the owner's alias rather than the primary address (and so the owner answers from it).</summary>
    public bool KnowsOwnerByAlias { get; set; }

    /// <summary>The share of threads between the two that the owner starts.</summary>
    public double OwnerInitiative { get; init; } = 0.5;

    public IEnumerable<string> OtherAddresses
    {
        get
        {
            if (SecondIdentity is not null)
            {
                yield return SecondIdentity.Address;
            }

            if (FormerWorkIdentity is not null)
            {
                yield return FormerWorkIdentity.Address;
            }
        }
    }

    public bool IsActiveAt(DateTimeOffset instant) => instant >= ActiveFrom && instant < ActiveUntil;

    /// <summary>True while the person works at the owner's company.</summary>
    public bool IsColleagueAt(DateTimeOffset instant) =>
        Kind == ContactKind.Colleague || (Kind == ContactKind.FormerColleague && instant < DepartedAt);

    public MailAddress AddressAt(DateTimeOffset instant) =>
        FormerWorkIdentity is not null && instant < DepartedAt ? FormerWorkIdentity : Primary;

    /// <summary>The strength that drives activity at an instant.</summary>
    public double StrengthAt(DateTimeOffset instant) =>
        Kind == ContactKind.FormerColleague && instant >= DepartedAt ? PeakStrength * AfterDepartureFactor : PeakStrength;

    /// <summary>
    /// The planted strength reported in the truth: the strength at the as-of date, halved for every
    /// <see cref="StrengthHalfLife"/> the tie has been silent since it stopped, so ties that went cold rank low.
    /// </summary>
    public double CurrentStrength(DateTimeOffset asOf)
    {
        if (Kind.IsNoise())
        {
            return 0;
        }

        var strength = StrengthAt(asOf);
        if (ActiveUntil < asOf)
        {
            strength *= Math.Pow(0.5, (asOf - ActiveUntil) / StrengthHalfLife);
        }

        return Math.Round(strength, 3);
    }
}
