namespace NetworkSync.Domain.Sync;

/// <summary>The spelling the database, /healthz and the API have always used for each <see cref="SyncOutcome"/>.</summary>
public static class SyncOutcomeNames
{
    public static string ToWire(this SyncOutcome outcome) => outcome switch
    {
        SyncOutcome.Never => "never",
        SyncOutcome.Running => "running",
        SyncOutcome.Succeeded => "succeeded",
        SyncOutcome.Failed => "failed",
        SyncOutcome.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static SyncOutcome FromWire(string wire) => wire switch
    {
        "never" => SyncOutcome.Never,
        "running" => SyncOutcome.Running,
        "succeeded" => SyncOutcome.Succeeded,
        "failed" => SyncOutcome.Failed,
        "cancelled" => SyncOutcome.Cancelled,
        _ => throw new FormatException($"unknown sync outcome '{wire}'"),
    };
}
