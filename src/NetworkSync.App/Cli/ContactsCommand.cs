using System.Text.Json;
using NetworkSync.Application;
using NetworkSync.Application.Contacts;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Cli;

/// <summary>`networksync contacts`: the mailbox's relationships, warmest first, as of --as-of.</summary>
public static class ContactsCommand
{
    public static async Task<int> RunAsync(ContactsArguments args, CancellationToken cancellationToken)
    {
        var time = CliServices.ClockFor(args.AsOf);
        await using var services = await CliServices.OpenExistingAsync(args.Database, time, new RunMode(Demo: false), cancellationToken).ConfigureAwait(false);
        var mailbox = await FindMailboxAsync(services.GetRequiredService<MailboxStore>(), args.Mailbox, cancellationToken).ConfigureAwait(false);
        var service = services.GetRequiredService<ContactListingService>();
        var contacts = await service.ListAsync(mailbox, time.GetUtcNow(), args.All, cancellationToken).ConfigureAwait(false);
        var views = contacts.Select(ContactView.From).ToList();
        if (args.Json)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(views, AppJsonContext.Default.ListContactView)).ConfigureAwait(false);
        }
        else
        {
            foreach (var c in views)
            {
                await Console.Out.WriteLineAsync(FormattableString.Invariant($"{c.Warmth,5:0.0}  {c.Address,-40} {c.DisplayName}  last {c.LastContact:yyyy-MM-dd}{(c.Dormant ? "  [dormant]" : string.Empty)}")).ConfigureAwait(false);
            }
        }

        return 0;
    }

    public static async Task<MailboxRow> FindMailboxAsync(MailboxStore store, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var mailbox = await store.FindMailboxAsync(key, cancellationToken).ConfigureAwait(false);
        if (mailbox is not null)
        {
            return mailbox;
        }

        var known = await store.ListMailboxesAsync(cancellationToken).ConfigureAwait(false);
        throw new ExpectedFailureException($"--mailbox: unknown mailbox '{key}'" + (known.Count > 0 ? $"; this database has: {string.Join(", ", known.Select(m => m.Mail))}" : "; this database has none"));
    }
}
