using Hangfire;
using NetworkSync.Application.Privacy;

namespace NetworkSync.App.Jobs;

/// <summary>
/// The daily Hangfire job deleting stored metadata older than Privacy:RetentionDays (see
/// <see cref="PrivacyService.ApplyRetentionAsync"/>, which tests call without Hangfire).
/// <para>
/// Deleted rows do not come back: mail is synced by delta, which after the first round only sends what
/// changed, and an old message hardly ever changes (if it does it is stored again and deleted again by the
/// next run). A full re-enumeration (an expired delta token) does bring old mail back until the next run.
/// The calendar is enumerated over its window (Graph:CalendarPastDays, 730 days by default), which is
/// shorter than the default retention (1095), so the calendar sync never stores an event retention deletes;
/// with a retention shorter than that window the job deletes what each full calendar round brings back.
/// </para>
/// </summary>
public sealed class RetentionJob(PrivacyService privacy)
{
    public const string JobId = "privacy-retention";

    /// <summary>Registers (or updates) the daily run.</summary>
    public static void Schedule(IRecurringJobManager recurringJobs, PrivacyOptions options)
    {
        ArgumentNullException.ThrowIfNull(recurringJobs);
        ArgumentNullException.ThrowIfNull(options);
        recurringJobs.AddOrUpdate<RetentionJob>(JobId, job => job.RunAsync(CancellationToken.None), options.RetentionCron);
    }

    [DisableConcurrentExecution(timeoutInSeconds: 30 * 60)]
    [AutomaticRetry(Attempts = 1)]
    public Task RunAsync(CancellationToken cancellationToken) => privacy.ApplyRetentionToAllAsync(cancellationToken);
}
