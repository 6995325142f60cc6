namespace NetworkSync.Domain.Relationships.JobChanges;

/// <summary>
/// One person now writing from a new organisation: "moved to Adatum (since March)". <see cref="Since"/> is the
/// first day of the month of their first mail from <see cref="ToDomain"/> (UTC).
/// </summary>
public sealed record JobChange(string From, string FromDomain, string To, string ToDomain, DateOnly Since);
