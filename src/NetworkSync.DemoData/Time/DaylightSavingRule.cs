namespace NetworkSync.DemoData.Time;

/// <summary>The daylight-saving regimes of the zones the demo uses.</summary>
internal enum DaylightSavingRule
{
    /// <summary>No daylight saving (UTC).</summary>
    None,

    /// <summary>EU: last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC.</summary>
    European,

    /// <summary>US/Canada: second Sunday of March 02:00 local to first Sunday of November 02:00 local.</summary>
    NorthAmerican,
}
