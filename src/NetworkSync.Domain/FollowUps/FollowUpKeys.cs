using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NetworkSync.Domain.FollowUps;

/// <summary>
/// What makes two follow-ups "the same one": the key names its cause, and the id is derived from the
/// mailbox and key, so rebuilding the database or replaying a sync lands on the very same id (which
/// To Do tasks carry as their external id).
/// </summary>
public static class FollowUpKeys
{
    public static string AfterMeeting(string eventId) => "after-meeting:" + eventId;

    public static string BeforeMeeting(string eventId) => "before-meeting:" + eventId;

    /// <summary>One suggestion per dormant spell: a new spell (after they were in touch again) is a new key.</summary>
    public static string Reconnect(string address, DateTimeOffset lastContact) =>
        "reconnect:" + address + ":" + lastContact.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Manual(Guid id) => "manual:" + id.ToString("N");

    public static string IdFor(string mailboxId, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(mailboxId + "\n" + key));
        return "fu_" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
