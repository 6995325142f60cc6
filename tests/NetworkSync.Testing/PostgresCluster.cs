using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NetworkSync.Testing;

/// <summary>
/// A real PostgreSQL server for tests: Debian's <c>initdb</c> into a temporary folder, <c>pg_ctl start</c> on a
/// free loopback port (its unix socket in that folder too), password authentication for TCP, and one database
/// per caller (<see cref="CreateDatabaseAsync"/>). <see cref="DisposeAsync"/> stops it and deletes the folder;
/// a process exit does too, so a failed run leaves no server behind. PostgreSQL refuses to run as root: as
/// root the cluster belongs to the <c>postgres</c> user the Debian package creates (else <c>nobody</c>) and
/// its commands run through <c>runuser</c>.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string Superuser = "networksync";

    /// <summary>Set to 1 (scripts/test-all.sh does) to make a missing PostgreSQL fail the PostgreSQL tests instead of skipping them.</summary>
    public const string RequireVariable = "NETWORKSYNC_REQUIRE_POSTGRES";

    private const string FolderPrefix = "networksync-pg-";

    private const string OwnerFile = "owner.pid";

    public const string InstallHint = "PostgreSQL is not installed: install Debian's package (sudo apt-get install -y postgresql), or set PATH so pg_config --bindir names its binaries";

    private readonly string folder;
    private readonly string binaries;
    private readonly string? runAs;
    private int databases;
    private bool stopped;

    private PostgresCluster(string folder, string binaries, string? runAs, int port, string password)
    {
        this.folder = folder;
        this.binaries = binaries;
        this.runAs = runAs;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string Password { get; }

    public string DataFolder => Path.Combine(folder, "data");

    /// <summary>The folder holding initdb, pg_ctl and postgres, or null when PostgreSQL is not installed.</summary>
    public static string? FindBinaries()
    {
        var fromConfig = Run("pg_config", ["--bindir"], null, allowFailure: true);
        if (fromConfig is { } bindir && File.Exists(Path.Combine(bindir.Trim(), "initdb")))
        {
            return bindir.Trim();
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => bin, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
    }

    public static async Task<PostgresCluster> StartAsync()
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException(InstallHint);
        var runAsUser = Environment.IsPrivilegedProcess ? (UserExists("postgres") ? "postgres" : "nobody") : null;
        DeleteStaleClusters(binaries, runAsUser);
        var folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var runAs = runAsUser;
        var password = "pw-" + Guid.NewGuid().ToString("N")[..16];
        var passwordFile = Path.Combine(folder, "password");
        await File.WriteAllTextAsync(passwordFile, password).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        if (runAs is not null)
        {
            Run("chown", ["-R", runAs, folder], null);
        }

        var cluster = new PostgresCluster(folder, binaries, runAs, FreePort(), password);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        try
        {
            cluster.Tool("initdb", ["-D", cluster.DataFolder, "-U", Superuser, "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"]);
            File.Delete(passwordFile);

            // Durability is not what these tests check: without fsync a test database is set up in milliseconds.
            cluster.StartServer();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts the server on its port (again, after <see cref="StopServer"/>: a database restart as an operator does it).</summary>
    public void StartServer()
    {
        var settings = string.Create(
            CultureInfo.InvariantCulture,
            $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
        Tool("pg_ctl", ["start", "-w", "-t", "60", "-D", DataFolder, "-l", Path.Combine(folder, "server.log"), "-o", settings]);
    }

    /// <summary>Stops the server at once (open connections are cut), keeping its data for <see cref="StartServer"/>.</summary>
    public void StopServer() => Tool("pg_ctl", ["stop", "-D", DataFolder, "-m", "immediate", "-w"]);

    /// <summary>The Npgsql connection string of <paramref name="database"/> as the superuser, over TCP with the password.</summary>
    public string ConnectionString(string database) => string.Create(
        CultureInfo.InvariantCulture,
        $"Host=127.0.0.1;Port={Port};Username={Superuser};Password={Password};Database={database};Pooling=true;Timeout=15");

    /// <summary>The same database as a <c>postgresql://</c> URI, as `--db` takes it.</summary>
    public string Uri(string database) => string.Create(
        CultureInfo.InvariantCulture,
        $"postgresql://{Superuser}:{System.Uri.EscapeDataString(Password)}@127.0.0.1:{Port}/{database}");

    /// <summary>A new, empty database named after <paramref name="purpose"/> (made unique), for one test class or test.</summary>
    public Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray())}_{Interlocked.Increment(ref databases)}");
        Tool("createdb", ["-h", folder, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", Superuser, name]);
        return Task.FromResult(name);
    }

    /// <summary>Runs SQL in <paramref name="database"/> with psql over the socket (for what a test sets up behind the app's back).</summary>
    public string Sql(string database, string sql) =>
        Tool("psql", ["-h", folder, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", Superuser, "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql]);

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private void Stop()
    {
        lock (folder)
        {
            if (stopped)
            {
                return;
            }

            stopped = true;
        }

        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                Tool("pg_ctl", ["stop", "-D", DataFolder, "-m", "immediate", "-w"], allowFailure: true);
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private string Tool(string name, string[] arguments, bool allowFailure = false)
    {
        var path = Path.Combine(binaries, name);
        return runAs is null
            ? Run(path, arguments, folder, allowFailure) ?? string.Empty
            : Run("runuser", ["-u", runAs, "--", path, .. arguments], folder, allowFailure) ?? string.Empty;
    }

    private static string? Run(string file, string[] arguments, string? workingDirectory, bool allowFailure = false)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        }
        catch (System.ComponentModel.Win32Exception) when (allowFailure)
        {
            return null;
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 && !allowFailure)
            {
                throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output}");
            }

            return process.ExitCode == 0 ? output : null;
        }
    }

    /// <summary>
    /// The folders of earlier runs whose server is gone: a test host is ended soon after its exit handlers start,
    /// sometimes before the folder is deleted, and a crashed run never gets there.
    /// </summary>
    private static void DeleteStaleClusters(string binaries, string? runAs)
    {
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var ownerFile = Path.Combine(stale, OwnerFile);
            try
            {
                // A folder younger than this may be another run's, still before its server starts; a live owner's is its own.
                if (Directory.GetCreationTimeUtc(stale) > DateTime.UtcNow.AddMinutes(-10)
                    || (File.Exists(ownerFile) && int.TryParse(File.ReadAllText(ownerFile), NumberStyles.Integer, CultureInfo.InvariantCulture, out var owner) && IsRunning(owner)))
                {
                    continue;
                }

                // The test host that started it is gone (ended before its exit handler stopped the server): stop it now.
                if (File.Exists(Path.Combine(stale, "data", "postmaster.pid")))
                {
                    var pgCtl = Path.Combine(binaries, "pg_ctl");
                    string[] stop = ["stop", "-D", Path.Combine(stale, "data"), "-m", "immediate", "-w"];
                    Run(runAs is null ? pgCtl : "runuser", runAs is null ? stop : ["-u", runAs, "--", pgCtl, .. stop], stale, allowFailure: true);
                }

                Directory.Delete(stale, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another run's folder being set up or torn down: it is that run's to delete.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool UserExists(string user) => Run("id", ["-u", user], null, allowFailure: true) is not null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
