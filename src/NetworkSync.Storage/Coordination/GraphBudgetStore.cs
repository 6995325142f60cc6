using Microsoft.EntityFrameworkCore;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage.Coordination;

/// <summary>
/// The database side of a mailbox's Graph budget shared by the instances (the per-request logic is in
/// Sync's SharedGraphBudget): "throttled until" after a 429, the request count reserved in the current
/// window, and the in-flight slots. Every decision is a compare-and-set update, so two instances racing
/// cannot both take the last requests of a window or the same slot.
/// </summary>
public sealed class GraphBudgetStore(NetworkSyncDatabase database, InstanceIdentity instance, TimeProvider time)
{
    /// <summary>Until when (Unix ms) a 429 holds every instance back from this mailbox; 0 when never.</summary>
    public async Task<long> ThrottledUntilAsync(string mailboxId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.GraphBudgets.AsNoTracking()
            .Where(b => b.MailboxId == mailboxId)
            .Select(b => b.ThrottledUntilMs)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Records a 429's Retry-After for every instance; a later "until" already recorded stands.</summary>
    public Task ThrottleAsync(string mailboxId, long untilMs, CancellationToken cancellationToken) =>
        database.WriteContextAsync(
            async context =>
            {
                await EnsureBudgetAsync(context, mailboxId, cancellationToken).ConfigureAwait(false);
                await context.GraphBudgets
                    .Where(b => b.MailboxId == mailboxId && b.ThrottledUntilMs < untilMs)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.ThrottledUntilMs, untilMs), cancellationToken)
                    .ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>
    /// Reserves up to <paramref name="wanted"/> requests of the window's <paramref name="budget"/>. A window
    /// that has ended starts afresh at the first reservation after it. Granted 0 means the window is spent,
    /// until <see cref="BudgetGrant.WindowEndsMs"/>.
    /// </summary>
    public async Task<BudgetGrant> ReserveAsync(string mailboxId, int wanted, int budget, long windowMs, CancellationToken cancellationToken)
    {
        BudgetGrant? grant = null;
        while (grant is null)
        {
            await database.WriteContextAsync(
                async context =>
                {
                    await EnsureBudgetAsync(context, mailboxId, cancellationToken).ConfigureAwait(false);
                    var row = await context.GraphBudgets.AsNoTracking().SingleAsync(b => b.MailboxId == mailboxId, cancellationToken).ConfigureAwait(false);
                    var now = time.Ms();
                    var (start, reserved) = (row.WindowStartMs, row.WindowReserved);
                    var (newStart, granted) = now >= start + windowMs
                        ? (now, Math.Min(wanted, budget))
                        : (start, Math.Clamp(budget - reserved, 0, wanted));
                    if (granted == 0)
                    {
                        grant = new BudgetGrant(0, start, start + windowMs);
                        return;
                    }

                    var total = newStart == start ? reserved + granted : granted;
                    var updated = await context.GraphBudgets
                        .Where(b => b.MailboxId == mailboxId && b.WindowStartMs == start && b.WindowReserved == reserved)
                        .ExecuteUpdateAsync(s => s.SetProperty(b => b.WindowStartMs, newStart).SetProperty(b => b.WindowReserved, total), cancellationToken)
                        .ConfigureAwait(false);
                    if (updated == 1)
                    {
                        grant = new BudgetGrant(granted, newStart, newStart + windowMs);
                    }

                    // Otherwise another instance reserved meanwhile: read again.
                },
                cancellationToken).ConfigureAwait(false);
        }

        return grant;
    }

    /// <summary>Gives back what a reservation did not use, if its window is still the current one.</summary>
    public Task ReturnAsync(string mailboxId, long windowStartMs, int unused, CancellationToken cancellationToken) =>
        unused <= 0
            ? Task.CompletedTask
            : database.WriteContextAsync(
                context => context.GraphBudgets
                    .Where(b => b.MailboxId == mailboxId && b.WindowStartMs == windowStartMs && b.WindowReserved >= unused)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.WindowReserved, b => b.WindowReserved - unused), cancellationToken),
                cancellationToken);

    /// <summary>Takes one free (or expired) in-flight slot of the mailbox for this instance; false when all <paramref name="slots"/> are held.</summary>
    public async Task<bool> TryClaimSlotAsync(string mailboxId, int slots, long leaseMs, CancellationToken cancellationToken)
    {
        var claimed = false;
        var owner = instance.Id;
        await database.WriteContextAsync(
            async context =>
            {
                var now = time.Ms();
                for (var slot = 0; slot < slots && !claimed; slot++)
                {
                    var number = slot;
                    await CoordinationRows.EnsureAsync(context, context.GraphSlots.Where(s => s.MailboxId == mailboxId && s.Slot == number), new GraphSlotRow { MailboxId = mailboxId, Slot = number }, cancellationToken).ConfigureAwait(false);
                    claimed = await context.GraphSlots
                        .Where(s => s.MailboxId == mailboxId && s.Slot == number && (s.Owner == null || s.ExpiresMs <= now))
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.Owner, owner).SetProperty(x => x.ExpiresMs, now + leaseMs), cancellationToken)
                        .ConfigureAwait(false) == 1;
                }
            },
            cancellationToken).ConfigureAwait(false);
        return claimed;
    }

    /// <summary>Renews this instance's slots of the mailbox; returns how many it still holds (an expired one may have been taken).</summary>
    public async Task<int> RenewSlotsAsync(string mailboxId, long leaseMs, CancellationToken cancellationToken)
    {
        var held = 0;
        var owner = instance.Id;
        await database.WriteContextAsync(
            async context =>
            {
                var until = time.Ms() + leaseMs;
                held = await context.GraphSlots
                    .Where(s => s.MailboxId == mailboxId && s.Owner == owner)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresMs, until), cancellationToken)
                    .ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return held;
    }

    public Task ReleaseSlotsAsync(string mailboxId, CancellationToken cancellationToken)
    {
        var owner = instance.Id;
        return database.WriteContextAsync(
            context => context.GraphSlots
                .Where(s => s.MailboxId == mailboxId && s.Owner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Owner, (string?)null).SetProperty(x => x.ExpiresMs, 0L), cancellationToken),
            cancellationToken);
    }

    private static Task EnsureBudgetAsync(NetworkSyncDbContext context, string mailboxId, CancellationToken cancellationToken) =>
        CoordinationRows.EnsureAsync(context, context.GraphBudgets.Where(b => b.MailboxId == mailboxId), new GraphBudgetRow { MailboxId = mailboxId }, cancellationToken);
}
