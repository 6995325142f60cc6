using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.Storage;
using NetworkSync.Sync;
using NetworkSync.Sync.Authentication;
using NetworkSync.Sync.Configuration;
using NetworkSync.Sync.Engine;

// Sync benchmark (issue: foundation). The emulator runs in its own process (`networksync emulator`),
// so this process measures only the sync path: Graph SDK, parsing, mapping and SQLite writes.
// Usage: NetworkSync.Bench <path to networksync.dll> [--runs N] [--messages N] [--events N]
//        NetworkSync.Bench relationships [--interactions N] [--contacts N] [--runs N]
//        NetworkSync.Bench model [--messages N] [--contacts N] [--runs N]
//        NetworkSync.Bench incremental [--messages N] [--contacts N] [--page N] [--pages N] [--full-every N]
//        NetworkSync.Bench context <path to networksync.dll> [--clients N] [--seconds N] [--think-ms N] [--rounds N]
//        NetworkSync.Bench intros <path to networksync.dll> [--clients N] [--seconds N] [--think-ms N] [--rounds N]
//        NetworkSync.Bench notify <path to networksync.dll> [--messages N]
//        NetworkSync.Bench load <path to networksync.dll> [--mailboxes N] [--messages N] [--events N] [--clients N] [--seconds N] [--think-ms N]
//        NetworkSync.Bench receiver <path to networksync.dll> [--posts N] [--concurrency N] [--items N] [--rounds N]
if (args.Length > 1 && args[0] == "context")
{
    return await NetworkSync.Bench.ContextLoadBench.RunAsync(
        Path.GetFullPath(args[1]),
        NetworkSync.Bench.RelationshipBench.Option(args, "--clients", 200),
        NetworkSync.Bench.RelationshipBench.Option(args, "--seconds", 10),
        NetworkSync.Bench.RelationshipBench.Option(args, "--think-ms", 250),
        NetworkSync.Bench.RelationshipBench.Option(args, "--rounds", 3));
}

if (args.Length > 1 && args[0] == "intros")
{
    return await NetworkSync.Bench.IntroLookupBench.RunAsync(
        Path.GetFullPath(args[1]),
        NetworkSync.Bench.RelationshipBench.Option(args, "--clients", 200),
        NetworkSync.Bench.RelationshipBench.Option(args, "--seconds", 10),
        NetworkSync.Bench.RelationshipBench.Option(args, "--think-ms", 250),
        NetworkSync.Bench.RelationshipBench.Option(args, "--rounds", 3));
}

if (args.Length > 1 && args[0] == "load")
{
    return await NetworkSync.Bench.LoadBench.RunAsync(
        Path.GetFullPath(args[1]),
        NetworkSync.Bench.RelationshipBench.Option(args, "--mailboxes", 1000),
        NetworkSync.Bench.RelationshipBench.Option(args, "--messages", 500),
        NetworkSync.Bench.RelationshipBench.Option(args, "--events", 100),
        NetworkSync.Bench.RelationshipBench.Option(args, "--clients", 200),
        NetworkSync.Bench.RelationshipBench.Option(args, "--seconds", 10),
        NetworkSync.Bench.RelationshipBench.Option(args, "--think-ms", 250));
}

if (args.Length > 1 && args[0] == "notify")
{
    return await NetworkSync.Bench.NotificationLatencyBench.RunAsync(
        Path.GetFullPath(args[1]),
        NetworkSync.Bench.RelationshipBench.Option(args, "--messages", 31));
}

if (args.Length > 1 && args[0] == "receiver")
{
    return await NetworkSync.Bench.NotificationReceiverBench.RunAsync(
        Path.GetFullPath(args[1]),
        NetworkSync.Bench.RelationshipBench.Option(args, "--posts", 2000),
        NetworkSync.Bench.RelationshipBench.Option(args, "--concurrency", 50),
        NetworkSync.Bench.RelationshipBench.Option(args, "--items", 1),
        NetworkSync.Bench.RelationshipBench.Option(args, "--rounds", 3));
}

if (args.Length > 0 && args[0] == "model")
{
    return NetworkSync.Bench.ModelFitBench.Run(
        NetworkSync.Bench.RelationshipBench.Option(args, "--messages", 100_000),
        NetworkSync.Bench.RelationshipBench.Option(args, "--contacts", 2_000),
        NetworkSync.Bench.RelationshipBench.Option(args, "--runs", 5));
}

if (args.Length > 0 && args[0] == "incremental")
{
    return NetworkSync.Bench.IncrementalRescoreBench.Run(
        NetworkSync.Bench.RelationshipBench.Option(args, "--messages", 100_000),
        NetworkSync.Bench.RelationshipBench.Option(args, "--contacts", 2_000),
        NetworkSync.Bench.RelationshipBench.Option(args, "--page", 30),
        NetworkSync.Bench.RelationshipBench.Option(args, "--pages", 200),
        NetworkSync.Bench.RelationshipBench.Option(args, "--full-every", 10));
}

if (args.Length > 0 && args[0] == "relationships")
{
    return NetworkSync.Bench.RelationshipBench.Run(
        NetworkSync.Bench.RelationshipBench.Option(args, "--interactions", 1_000_000),
        NetworkSync.Bench.RelationshipBench.Option(args, "--contacts", 20_000),
        NetworkSync.Bench.RelationshipBench.Option(args, "--runs", 5));
}

var appDll = args.Length > 0 ? Path.GetFullPath(args[0]) : throw new ArgumentException("first argument: path to networksync.dll");
var runs = Option("--runs", 5);
var messages = Option("--messages", 50_000);
var events = Option("--events", 1_000);
const int PageSize = 1000;
string[] folderNames = ["inbox", "sentitems", "archive", "deleteditems"];

var work = Path.Combine(Path.GetTempPath(), "networksync-bench");
var fixture = Path.Combine(work, $"fixture-{messages}-{events}");
if (!File.Exists(Path.Combine(fixture, "users.json")))
{
    Console.Error.WriteLine($"Generating a {messages}-message, {events}-event mailbox ...");
    Run(appDll, $"demo-fixture --out \"{fixture}\" --messages {messages} --events {events}");
}

using var emulator = Start(appDll, $"emulator --fixture \"{fixture}\"");
var graphBase = new Uri((await emulator.StandardOutput.ReadLineAsync()) ?? throw new InvalidOperationException("the emulator printed no URL"));
var adminBase = new Uri(graphBase, "/_emulator/");
using var admin = new HttpClient();

var results = new List<(double Seconds, long Messages, long Events, int DeltaRequests, int ResyncRequests, int Collections)>();
for (var run = 1; run <= runs; run++)
{
    var databasePath = Path.Combine(work, $"run-{run}.db");
    foreach (var file in Directory.GetFiles(work, $"run-{run}.db*"))
    {
        File.Delete(file);
    }

    using var database = new SqliteDatabase(new StorageOptions { DatabasePath = databasePath });
    await database.MigrateAsync(CancellationToken.None);
    var options = new GraphOptions
    {
        BaseUrl = graphBase.ToString(),
        AuthMode = GraphAuthMode.Emulator,
        EmulatorTokenEndpoint = new Uri(graphBase, "/emulator-tenant/oauth2/v2.0/token").ToString(),
        PageSize = PageSize,

        // Every folder the generator fills, so all 50,000 messages are synced; a window that holds every event.
        MailFolders = [.. folderNames],
        CalendarPastDays = 800,
    };
    using var connection = GraphConnection.Create(options, CredentialFactory.Create(options, TimeProvider.System), TimeProvider.System, NullLoggerFactory.Instance);
    var engine = new SyncEngine(connection, options, new MailboxStore(database), new MetadataWriter(database), TimeProvider.System, NullLoggerFactory.Instance);
    var mailbox = (await engine.DiscoverMailboxesAsync(CancellationToken.None)).Single();

    await admin.DeleteAsync(new Uri(adminBase, "requests"));
    var stopwatch = Stopwatch.StartNew();
    var first = await engine.SyncMailboxAsync(mailbox, null, CancellationToken.None);
    stopwatch.Stop();
    if (!first.Succeeded)
    {
        throw new InvalidOperationException(first.Error);
    }

    var deltaRequests = await CountDeltaRequestsAsync();
    await admin.DeleteAsync(new Uri(adminBase, "requests"));
    var second = await engine.SyncMailboxAsync(mailbox, null, CancellationToken.None);
    var resyncRequests = await CountDeltaRequestsAsync();
    var (storedMessages, storedEvents) = await new MetadataReader(database).CountAsync(mailbox.Id, CancellationToken.None);
    results.Add((stopwatch.Elapsed.TotalSeconds, storedMessages, storedEvents, deltaRequests, resyncRequests, second.Collections.Count));
    Console.Error.WriteLine(FormattableString.Invariant($"run {run}: {storedMessages} messages + {storedEvents} events in {stopwatch.Elapsed.TotalSeconds:0.000} s, {deltaRequests} delta requests, re-sync {resyncRequests}"));
}

emulator.Kill(entireProcessTree: true);

// The minimum for this page size: one request per started page of each collection.
var folders = folderNames.Select(f => (Folder: f, Count: CountFixtureItems(Path.Combine(fixture, "users"), f))).ToList();
var minimum = folders.Sum(f => Pages(f.Count)) + Pages(results[0].Events);
var median = results.Select(r => r.Seconds).Order().ElementAt(results.Count / 2);
var rate = results[0].Messages / median;
var peakRss = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);

Console.WriteLine("| metric | target | measured |");
Console.WriteLine("| --- | --- | --- |");
Console.WriteLine(FormattableString.Invariant($"| mailbox | 50,000 messages, 1,000 events | {results[0].Messages:N0} messages ({string.Join(", ", folders.Select(f => $"{f.Count:N0} {f.Folder}"))}), {results[0].Events:N0} events |"));
Console.WriteLine(FormattableString.Invariant($"| Graph delta requests, full sync | = minimum for page size {PageSize} ({minimum}) | {results[0].DeltaRequests} |"));
Console.WriteLine(FormattableString.Invariant($"| full sync time, median of {runs} | | {median:0.000} s (all: {string.Join(", ", results.Select(r => r.Seconds.ToString("0.000", CultureInfo.InvariantCulture)))}) |"));
Console.WriteLine(FormattableString.Invariant($"| messages per second end to end into SQLite (median run) | >= 20,000 | {rate:N0} |"));
Console.WriteLine(FormattableString.Invariant($"| peak RSS of the syncing process (whole benchmark) | <= 400 MB | {peakRss:0} MB |"));
Console.WriteLine(FormattableString.Invariant($"| requests for a no-change re-sync | one per collection ({results[0].Collections}) | {string.Join(", ", results.Select(r => r.ResyncRequests).Distinct())} |"));
return 0;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static int Pages(long items) => (int)Math.Max(1, (items + PageSize - 1) / PageSize);

static long CountFixtureItems(string usersFolder, string folder)
{
    long count = 0;
    foreach (var file in Directory.GetFiles(usersFolder, "messages.json", SearchOption.AllDirectories).Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == folder))
    {
        using var stream = File.OpenRead(file);
        using var document = JsonDocument.Parse(stream);
        count += document.RootElement.GetProperty("value").GetArrayLength();
    }

    return count;
}

async Task<int> CountDeltaRequestsAsync()
{
    var entries = await admin.GetFromJsonAsync<JsonElement>(new Uri(adminBase, "requests"));
    var list = entries.ValueKind == JsonValueKind.Array ? entries : entries.GetProperty("value");
    return list.EnumerateArray().Count(e => e.GetProperty("endpoint").GetString() is "MessagesDelta" or "CalendarViewDelta");
}

static void Run(string dll, string arguments)
{
    using var process = Start(dll, arguments);
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"networksync {arguments} exited with {process.ExitCode}");
    }
}

static Process Start(string dll, string arguments) =>
    Process.Start(new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}") { RedirectStandardOutput = true, UseShellExecute = false })
    ?? throw new InvalidOperationException("could not start dotnet");
