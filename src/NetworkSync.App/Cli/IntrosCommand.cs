using System.Text.Json;
using NetworkSync.Application;
using NetworkSync.Application.Contacts;
using NetworkSync.Domain.Addresses;
using NetworkSync.Storage;

namespace NetworkSync.App.Cli;

/// <summary>`networksync intros`: the warm paths to --to, best first; `[]` when nobody can introduce them.</summary>
public static class IntrosCommand
{
    public static async Task<int> RunAsync(IntrosArguments args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (EmailAddressNormalizer.Normalize(args.To) is not { } target || !target.Contains('@', StringComparison.Ordinal))
        {
            throw new UsageException($"intros: --to '{args.To}' is not an email address");
        }

        var time = CliServices.ClockFor(args.AsOf);
        var now = time.GetUtcNow();
        await using var services = await CliServices.OpenExistingAsync(args.Database, time, new RunMode(Demo: false), cancellationToken).ConfigureAwait(false);
        var mailbox = await ContactsCommand.FindMailboxAsync(services.GetRequiredService<MailboxStore>(), args.Mailbox, cancellationToken).ConfigureAwait(false);
        var service = services.GetRequiredService<ContactListingService>();
        var activity = await service.LoadAsync(mailbox, cancellationToken).ConfigureAwait(false);
        var (contacts, _) = service.ScoreAll(activity, now);
        var views = IntroductionService.Find(activity, contacts, service.OptionsFor(activity), target, now).Select(WarmPathView.From).ToList();
        if (args.Json)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(views, AppJsonContext.Default.ListWarmPathView)).ConfigureAwait(false);
        }
        else if (views.Count == 0)
        {
            await Console.Out.WriteLineAsync($"Nobody in {mailbox.Mail}'s network can introduce them yet.").ConfigureAwait(false);
        }
        else
        {
            foreach (var path in views)
            {
                await Console.Out.WriteLineAsync(FormattableString.Invariant($"{path.Warmth,5:0.0}  {path.Address,-40} {path.Explanation}")).ConfigureAwait(false);
            }
        }

        return 0;
    }
}
