namespace NetworkSync.Domain.Addresses;

/// <summary>
/// Who the mailbox owner is: the Graph user id and every address that is theirs, so mail from an
/// alias counts as outbound and the owner never shows up as their own contact.
/// </summary>
public sealed class MailboxIdentity
{
    private readonly HashSet<string> ownAddresses;

    public MailboxIdentity(string userId, string primaryAddress, IEnumerable<string> otherAddresses)
    {
        UserId = userId;
        PrimaryAddress = EmailAddressNormalizer.Normalize(primaryAddress) ?? primaryAddress.ToLowerInvariant();
        ownAddresses = new HashSet<string>(StringComparer.Ordinal) { PrimaryAddress };
        foreach (var address in otherAddresses)
        {
            if (EmailAddressNormalizer.Normalize(address) is { } normalized)
            {
                ownAddresses.Add(normalized);
            }
        }
    }

    public string UserId { get; }

    public string PrimaryAddress { get; }

    public IReadOnlyCollection<string> Addresses => ownAddresses;

    /// <summary>True for any of the owner's addresses; expects a normalised address.</summary>
    public bool IsOwn(string? normalizedAddress) => normalizedAddress is not null && ownAddresses.Contains(normalizedAddress);

    /// <summary>
    /// True for an address that is not the owner's but is drawn like one of theirs (letters from another
    /// script in place of Latin ones): never to be taken, or shown, as the owner's own.
    /// </summary>
    public bool IsLookAlikeOfOwn(string? normalizedAddress)
    {
        if (normalizedAddress is null || IsOwn(normalizedAddress) || System.Text.Ascii.IsValid(normalizedAddress))
        {
            return false;
        }

        var skeleton = AddressSkeleton.Of(normalizedAddress);
        return ownAddresses.Any(own => string.Equals(AddressSkeleton.Of(own), skeleton, StringComparison.Ordinal));
    }

    /// <summary>
    /// Reads Graph's <c>proxyAddresses</c> ("SMTP:primary", "smtp:alias", "X500:..."): only SMTP entries are mail addresses.
    /// </summary>
    public static IEnumerable<string> SmtpAddressesFrom(IEnumerable<string>? proxyAddresses)
    {
        if (proxyAddresses is null)
        {
            yield break;
        }

        foreach (var entry in proxyAddresses)
        {
            if (entry.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase))
            {
                yield return entry[5..];
            }
        }
    }
}
