using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Contacts;

/// <summary>
/// The user's corrections of their contacts (mark as person, mute, same person, keep apart), behind both
/// the caller's routes and local mode's mailbox-addressed ones, so the two cannot disagree. A correction
/// sticks across re-syncs and re-scores the mailbox at once.
/// </summary>
public sealed class ContactCorrections(ContactOverrideStore store, ContactScoreCache scores, TimeProvider time)
{
    /// <summary>
    /// Stores <paramref name="correction"/> (for a pair it replaces the opposite answer); refused when it
    /// names one of the mailbox's own addresses, as no correction is about yourself.
    /// </summary>
    public async Task<CorrectionOutcome> SetAsync(MailboxRow mailbox, ContactCorrection correction, CancellationToken cancellationToken)
    {
        if (IsOwn(mailbox, correction.Address) || (correction.Other is { } other && IsOwn(mailbox, other)))
        {
            return CorrectionOutcome.OwnAddress;
        }

        await store.SetAsync(
            new ContactOverrideRow
            {
                MailboxId = mailbox.Id,
                Address = correction.Address,
                Kind = correction.Kind.ToWire(),
                OtherAddress = correction.Other ?? string.Empty,
                CreatedMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
            },
            cancellationToken).ConfigureAwait(false);
        await scores.InvalidateEverywhereAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
        return CorrectionOutcome.Done;
    }

    /// <summary>
    /// Removes <paramref name="correction"/> (a pair's in either order), whoever's addresses it names: one
    /// stored before the own-address rule held can always be undone. Idempotent: the add-in's toggle may
    /// repeat a call whose answer it lost.
    /// </summary>
    public async Task<CorrectionOutcome> RemoveAsync(MailboxRow mailbox, ContactCorrection correction, CancellationToken cancellationToken)
    {
        var removed = await store.RemoveAsync(mailbox.Id, correction.Address, correction.Kind.ToWire(), correction.Other ?? string.Empty, cancellationToken).ConfigureAwait(false);
        if (correction.Other is { } other)
        {
            removed |= await store.RemoveAsync(mailbox.Id, other, correction.Kind.ToWire(), correction.Address, cancellationToken).ConfigureAwait(false);
        }

        if (removed)
        {
            await scores.InvalidateEverywhereAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
        }

        return CorrectionOutcome.Done;
    }

    /// <summary>One of the owner's addresses, or a look-alike of one (another script's letters in place of Latin ones).</summary>
    public static bool IsOwn(MailboxRow mailbox, string address)
    {
        var identity = mailbox.Identity();
        return identity.IsOwn(address) || identity.IsLookAlikeOfOwn(address);
    }
}
