using NetworkSync.DemoData;

namespace NetworkSync.App.Cli;

/// <summary>`networksync demo-fixture`: writes a generated mailbox (and its planted truth) as a fixture folder.</summary>
public static class DemoFixtureCommand
{
    public static int Run(DemoFixtureArguments args)
    {
        var options = new DemoMailboxOptions
        {
            Seed = args.Seed ?? 42,
            Contacts = args.Contacts ?? 300,
            TargetMessages = args.Messages,
            TargetEvents = args.Events,
        };
        if (options.Contacts < DemoMailboxOptions.MinimumContacts)
        {
            throw new UsageException($"--contacts: at least {DemoMailboxOptions.MinimumContacts} (the demo cast needs room for every kind of contact)");
        }

        if (args.AsOf is { } asOf)
        {
            options = options with { AsOf = asOf };
        }

        var summary = DemoFixtureWriter.Write(Path.GetFullPath(args.Out), options);
        Console.Error.WriteLine($"Wrote {summary.Mail}: {summary.Messages} messages, {summary.Events} events, {summary.Contacts} contacts; truth in {summary.TruthPath}");
        return 0;
    }
}
