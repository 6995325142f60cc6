using System.Collections.Frozen;
using NetworkSync.Domain.Addresses;

namespace NetworkSync.Domain.Relationships;

/// <summary>
/// Recognises robot, role and list addresses by their local part. A first line of defence: volume
/// and header signals are weighed by <see cref="ContactAggregator"/>.
/// </summary>
public static class AutomatedSenderClassifier
{
    private static readonly FrozenSet<string> RobotLocalParts = new[]
    {
        "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "notifications", "notification",
        "notify", "alerts", "alert", "billing", "invoices", "newsletter", "newsletters", "news", "mailer-daemon",
        "postmaster", "bounce", "bounces", "updates", "digest", "marketing", "automated", "system", "daemon",
        "calendar-notification", "all-staff", "allstaff", "all", "everyone", "announcements", "info",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] RobotPrefixes = ["noreply", "no-reply", "notifications", "alerts", "bounce", "mailer"];

    public static bool LooksAutomated(string normalizedAddress)
    {
        var local = EmailAddressNormalizer.LocalPartOf(normalizedAddress);
        if (RobotLocalParts.Contains(local))
        {
            return true;
        }

        foreach (var prefix in RobotPrefixes)
        {
            if (local.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
