using Microsoft.EntityFrameworkCore;
using NetworkSync.Storage;

namespace NetworkSync.App.Hosting;

/// <summary>
/// What /healthz/ready asks: start-up work (migrations, resetting interrupted syncs) is done, and the database
/// answers a trivial query now. Every call probes again, so a database that comes back makes the instance ready
/// again without a restart. The probe is bounded, so an orchestrator's probe never hangs on a stuck database.
/// </summary>
public sealed partial class Readiness(NetworkSyncDatabase database, ILogger<Readiness> logger)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);
    private volatile bool startupDone;

    public bool StartupDone => startupDone;

    /// <summary>Called by the host once migrations have run and before it starts serving.</summary>
    public void MarkStartupDone() => startupDone = true;

    public async Task<ReadinessState> CheckAsync(CancellationToken cancellationToken)
    {
        if (!startupDone)
        {
            return ReadinessState.Starting;
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(ProbeTimeout);
        try
        {
            var context = database.CreateContext();
            await using (context.ConfigureAwait(false))
            {
                await context.Database.ExecuteSqlRawAsync("SELECT 1", bounded.Token).ConfigureAwait(false);
            }

            return ReadinessState.Ready;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The type only: a provider's message can carry the connection string's host or user.
            LogProbeFailed(logger, ex.GetType().Name);
            return ReadinessState.DatabaseUnavailable;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness probe: the database did not answer ({Error})")]
    private static partial void LogProbeFailed(ILogger logger, string error);
}
