using System.ComponentModel.DataAnnotations;

namespace NetworkSync.Storage.Coordination;

/// <summary>
/// How instances sharing one database coordinate (see docs/architecture.md, "Several instances"). Bound
/// from the "Coordination" configuration section; the defaults suit production, tests shrink them.
/// </summary>
public sealed class CoordinationOptions : IValidatableObject
{
    public const string SectionName = "Coordination";

    /// <summary>How long a mailbox's sync lease lasts unrenewed: an instance killed mid-sync blocks the mailbox this long at most.</summary>
    [Range(5, 3600, ErrorMessage = "Coordination:LeaseSeconds must be between 5 and 3600")]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>How often a syncing instance renews its lease (well inside <see cref="LeaseSeconds"/>).</summary>
    [Range(1, 1200, ErrorMessage = "Coordination:LeaseRenewSeconds must be between 1 and 1200")]
    public int LeaseRenewSeconds { get; set; } = 15;

    /// <summary>How often a sync waiting for another instance's lease asks again.</summary>
    [Range(50, 60_000, ErrorMessage = "Coordination:LeasePollMilliseconds must be between 50 and 60000")]
    public int LeasePollMilliseconds { get; set; } = 1000;

    /// <summary>How old a cache's view of the shared data version may be: another instance's writes show within this.</summary>
    [Range(0, 60_000, ErrorMessage = "Coordination:DataVersionPollMilliseconds must be between 0 and 60000")]
    public int DataVersionPollMilliseconds { get; set; } = 1000;

    /// <summary>A pending notified sync older than this is taken for lost (its instance died before running it) and may be queued again.</summary>
    [Range(1, 1440, ErrorMessage = "Coordination:PendingSyncStaleMinutes must be between 1 and 1440")]
    public int PendingSyncStaleMinutes { get; set; } = 10;

    /// <summary>Graph's per-mailbox request budget over <see cref="GraphBudgetWindowSeconds"/>, across all instances.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Coordination:GraphRequestBudget must be between 1 and 1000000")]
    public int GraphRequestBudget { get; set; } = 10_000;

    [Range(1, 86_400, ErrorMessage = "Coordination:GraphBudgetWindowSeconds must be between 1 and 86400")]
    public int GraphBudgetWindowSeconds { get; set; } = 600;

    /// <summary>How many requests of the budget an instance reserves at once, so that the per-request cost stays in memory.</summary>
    [Range(1, 10_000, ErrorMessage = "Coordination:GraphBudgetBlock must be between 1 and 10000")]
    public int GraphBudgetBlock { get; set; } = 50;

    /// <summary>How long an in-flight slot stays an instance's unrenewed (it is renewed every third of this while used).</summary>
    [Range(1, 600, ErrorMessage = "Coordination:GraphSlotLeaseSeconds must be between 1 and 600")]
    public int GraphSlotLeaseSeconds { get; set; } = 6;

    /// <summary>How old this instance's view of a mailbox's shared "throttled until" may be before a request.</summary>
    [Range(0, 60_000, ErrorMessage = "Coordination:ThrottlePollMilliseconds must be between 0 and 60000")]
    public int ThrottlePollMilliseconds { get; set; } = 500;

    /// <summary>A lease renewed less than twice per lease length can expire between two renewals of a live sync.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LeaseRenewSeconds * 2 > LeaseSeconds)
        {
            yield return new ValidationResult(
                "Coordination:LeaseRenewSeconds must be at most half of Coordination:LeaseSeconds",
                [nameof(LeaseRenewSeconds), nameof(LeaseSeconds)]);
        }
    }
}
