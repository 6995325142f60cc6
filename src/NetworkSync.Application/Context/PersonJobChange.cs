using System.Globalization;
using System.Text.Json.Serialization;
using NetworkSync.Domain.Relationships.JobChanges;

namespace NetworkSync.Application.Context;

/// <summary>
/// A person whose mail now comes from a new organisation (docs/relationship-model.md, "Job changes"), as the
/// pane shows it: "moved to Adatum (since March)". <see cref="Since"/> is the month of their first mail from
/// the new organisation ("2026-03").
/// </summary>
public sealed record PersonJobChange(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("fromDomain")] string FromDomain,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("toDomain")] string ToDomain,
    [property: JsonPropertyName("since")] string Since)
{
    public static PersonJobChange Of(JobChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new PersonJobChange(change.From, change.FromDomain, change.To, change.ToDomain, change.Since.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }
}
