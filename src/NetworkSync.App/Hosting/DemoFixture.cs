using NetworkSync.DemoData;

namespace NetworkSync.App.Hosting;

/// <summary>Generates the demo mailbox once per data folder, so restarts keep the same ids and database.</summary>
public static class DemoFixture
{
    public static string Ensure(string dataFolder, DemoOptions options, DateTimeOffset asOf, Action<string> report)
    {
        var folder = Path.Combine(dataFolder, "demo-fixture");
        if (File.Exists(Path.Combine(folder, "users.json")) && File.Exists(Path.Combine(folder, "planted-truth.json")))
        {
            return folder;
        }

        report($"Generating the demo mailbox (seed {options.Seed}, {options.Contacts} contacts) in {folder} ...");
        var staging = folder + ".tmp";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        var summary = DemoFixtureWriter.Write(staging, new DemoMailboxOptions { Seed = options.Seed, Contacts = options.Contacts, AsOf = asOf });
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.Move(staging, folder);
        report($"Demo mailbox ready: {summary.Mail}, {summary.Messages} messages, {summary.Events} events.");
        return folder;
    }
}
