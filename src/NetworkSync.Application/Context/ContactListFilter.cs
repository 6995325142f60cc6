namespace NetworkSync.Application.Context;

/// <summary>Which contacts GET /api/contacts lists (its "filter" parameter).</summary>
public enum ContactListFilter
{
    /// <summary>Real relationships (not automated, not muted), warmest first.</summary>
    Warmest = 0,

    /// <summary>Relationships going quiet past their usual rhythm, warmest first.</summary>
    Cooling = 1,

    /// <summary>Relationships silent past the dormant threshold, strongest past ties first.</summary>
    Dormant = 2,

    /// <summary>Addresses the user muted, scored or not, by address.</summary>
    Muted = 3,
}
