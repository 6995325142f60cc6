using NetworkSync.Domain.Addresses;

namespace NetworkSync.Storage.Entities;

/// <summary>The owner's own addresses as a <see cref="MailboxRow"/> stores them (<see cref="MailboxRow.Aliases"/>, ';'-separated).</summary>
public static class MailboxAliases
{
    public const char Separator = ';';

    /// <summary>The aliases in a stored <see cref="MailboxRow.Aliases"/> value.</summary>
    public static string[] Split(string aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        return aliases.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The mailbox's aliases (its other SMTP addresses).</summary>
    public static string[] AliasList(this MailboxRow mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return Split(mailbox.Aliases);
    }

    /// <summary>Who the mailbox's owner is: the Graph user id, the primary address and the aliases.</summary>
    public static MailboxIdentity Identity(this MailboxRow mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return new MailboxIdentity(mailbox.Id, mailbox.Mail, mailbox.AliasList());
    }
}
