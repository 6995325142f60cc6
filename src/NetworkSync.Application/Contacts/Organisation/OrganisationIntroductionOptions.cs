using System.ComponentModel.DataAnnotations;
using NetworkSync.Domain.Relationships.Introductions;

namespace NetworkSync.Application.Contacts.Organisation;

/// <summary>
/// Section "Introductions:Organisation": "someone in your organisation knows them". On by default, because
/// it names nobody until a colleague opts in themselves (their own setting, off by default); an administrator
/// who does not want colleagues suggested at all sets Enabled to false, which hides every suggestion at once
/// whatever the users chose.
/// </summary>
public sealed class OrganisationIntroductionOptions
{
    public const string SectionName = "Introductions:Organisation";

    public bool Enabled { get; set; } = true;

    /// <summary>At most this many colleagues are named for one person.</summary>
    [Range(1, 10, ErrorMessage = "Introductions:Organisation:MaxResults must be from {1} to {2}")]
    public int MaxResults { get; set; } = OrganisationIntroductionFinder.DefaultMaxResults;

    /// <summary>
    /// How long the list of colleagues who opted in is kept before it is read again. An opt-out through this
    /// service takes effect at once; this only bounds how late one made through another process sharing the
    /// database shows.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "Introductions:Organisation:ConsentRefreshSeconds must be from {1} to {2}")]
    public int ConsentRefreshSeconds { get; set; } = 30;
}
