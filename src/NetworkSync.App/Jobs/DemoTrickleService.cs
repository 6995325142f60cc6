using Microsoft.Extensions.Options;
using NetworkSync.App.Hosting;

namespace NetworkSync.App.Jobs;

/// <summary>Demo mode only: new mail and meetings keep arriving in the emulated mailbox, so incremental sync is visible.</summary>
public sealed partial class DemoTrickleService(
    DemoContext demo,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoTrickleService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.TrickleSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var item = demo.Trickle.Next(time.GetUtcNow());
            if (item.Folder == "calendar")
            {
                demo.Emulator.Tenant.UpsertEvent(demo.MailboxId, item.Resource);
            }
            else
            {
                demo.Emulator.Tenant.UpsertMessage(demo.MailboxId, item.Folder, item.Resource);
            }

            LogArrived(logger, item.Folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo trickle: a new item arrived in {Folder}")]
    private static partial void LogArrived(ILogger logger, string folder);
}
