using System.Collections.Concurrent;

namespace NetworkSync.Application.Notifications;

/// <summary>
/// The permissions Graph refused (403) for a mailbox's optional features, so /healthz, /api/mailboxes and
/// /api/me can say exactly what to grant. Graph's 403 does not name the permission; the service knows what
/// each feature needs (docs: README "Pointing it at a real tenant"). In memory: the next maintenance run
/// reports again or clears, so a restart forgets nothing that is still true for long.
/// </summary>
public sealed class MissingPermissions
{
    private readonly ConcurrentDictionary<(string Mailbox, string Feature), string> missing = new();

    /// <summary>Records that <paramref name="feature"/> of the mailbox needs <paramref name="permission"/>, which Graph refused.</summary>
    public void Report(string mailboxId, string feature, string permission) =>
        missing[(mailboxId, feature)] = $"{permission} (needed for {feature}; Graph answered 403)";

    /// <summary>The feature works (again) for the mailbox.</summary>
    public void Clear(string mailboxId, string feature) => missing.TryRemove((mailboxId, feature), out _);

    /// <summary>What the mailbox is missing, one line per feature, sorted; empty when nothing is.</summary>
    public IReadOnlyList<string> For(string mailboxId) =>
        [.. missing.Where(p => p.Key.Mailbox == mailboxId).Select(p => p.Value).Order(StringComparer.Ordinal)];
}
