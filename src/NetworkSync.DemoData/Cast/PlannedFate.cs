namespace NetworkSync.DemoData.Cast;

/// <summary>What the generator intends for a relationship over the period; the truth file reports what actually happened.</summary>
internal enum PlannedFate
{
    /// <summary>Active up to the as-of date.</summary>
    Ongoing,

    /// <summary>Began part-way through the period and is still active.</summary>
    StartedLate,

    /// <summary>Stopped more than 180 days before the as-of date.</summary>
    WentCold,

    /// <summary>Stopped well past its usual gap, but less than 180 days ago.</summary>
    Cooling,
}
