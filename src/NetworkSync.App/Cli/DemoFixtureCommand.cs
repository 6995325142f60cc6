using System.Globalization;
using NetworkSync.DemoData;

namespace NetworkSync.App.Cli;

/// <summary>`networksync demo-fixture`: writes a generated mailbox (and its planted truth) as a fixture folder.</summary>
public static class DemoFixtureCommand
{
    public static int Run(ParsedArguments args)
    {
        var options = new DemoMailboxOptions
        {
            Seed = Int(args, "--seed") ?? 42,
            Contacts = Int(args, "--contacts") ?? 300,
            TargetMessages = Int(args, "--messages"),
            TargetEvents = Int(args, "--events"),
        };
        if (options.Contacts < DemoMailboxOptions.MinimumContacts)
        {
            throw new UsageException($"--contacts: at least {DemoMailboxOptions.MinimumContacts} (the demo cast needs room for every kind of contact)");
        }

        if (args.GetInstant("--as-of") is { } asOf)
        {
            options = options with { AsOf = asOf };
        }

        var summary = DemoFixtureWriter.Write(Path.GetFullPath(args.Get("--out")!), options);
        Console.Error.WriteLine($"Wrote {summary.Mail}: {summary.Messages} messages, {summary.Events} events, {summary.Contacts} contacts; truth in {summary.TruthPath}");
        return 0;
    }

    private static int? Int(ParsedArguments args, string name)
    {
        if (args.Get(name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new UsageException($"{name}: '{text}' is not a positive whole number");
    }
}
