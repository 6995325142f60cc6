using System.Diagnostics;
using NetworkSync.App.Tests.Hosting;

namespace NetworkSync.App.Tests.Security;

/// <summary>
/// What the service stores is its owner's alone: the data folder and key folder are created 0700, the
/// local key and the SQLite files (database, -wal, -shm) 0600, even where --db points outside the data
/// folder; start-up says where both are. Run as root, a second OS user (nobody) is shown to read none of it.
/// </summary>
public sealed class DataFileModeTests
{
    private const string Key = "file-mode-test-key-0123456789";
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task The_data_folder_is_0700_and_every_file_0600_and_another_user_reads_none_of_them()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only; Windows keeps the profile's ACLs.
        }

        // A world-readable parent, so only the modes NetworkSync sets stand between another user and the files.
        var root = CliRunner.TempPath("modes");
        Directory.CreateDirectory(root);
        File.SetUnixFileMode(root, Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var dataFolder = Path.Combine(root, "data");
        var database = Path.Combine(root, "elsewhere", "networksync.db");
        var fixture = Path.Combine(root, "fixture");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40")).ExitCode);

        var environment = new Dictionary<string, string> { ["DataFolder"] = dataFolder };
        await using (var service = await ServiceProcess.StartAsync(["--fixture", fixture, "--db", database], environment, Key))
        {
            Assert.Contains($"Data folder (keys, token cache, local key; owner-only): {dataFolder}. Database: {database}.", service.StandardError, StringComparison.Ordinal);
            Assert.Equal(Folder, File.GetUnixFileMode(dataFolder));
            Assert.Equal(Folder, File.GetUnixFileMode(Path.Combine(dataFolder, "keys")));
            Assert.Equal(Folder, File.GetUnixFileMode(Path.GetDirectoryName(database)!));
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                Assert.True(File.Exists(file), $"{file} exists");
                Assert.Equal(File600, File.GetUnixFileMode(file));
            }

            // runuser works only as root; otherwise this variant is left out (the modes above still hold).
            if (RunAs("nobody", "true") == 0)
            {
                // The control: nobody can read an ordinary 0644 file beside them, so a refusal below is the modes' doing.
                var control = Path.Combine(root, "control.txt");
                await File.WriteAllTextAsync(control, "readable");
                File.SetUnixFileMode(control, File600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                Assert.Equal(0, RunAs("nobody", "cat", control));
                foreach (var file in new[] { database, database + "-wal", database + "-shm" })
                {
                    Assert.NotEqual(0, RunAs("nobody", "cat", file));
                }

                Assert.NotEqual(0, RunAs("nobody", "ls", Path.Combine(dataFolder, "keys")));
            }
        }

        // The local key is written only when the environment does not give one: a second start without it writes the file 0600.
        var withoutKey = new Dictionary<string, string> { ["DataFolder"] = Path.Combine(root, "data2"), ["NETWORKSYNC_LOCAL_KEY"] = string.Empty };
        await using (var second = await ServiceProcess.StartAsync(["--fixture", fixture, "--db", Path.Combine(root, "second.db")], withoutKey, waitForHealthy: false))
        {
            await second.FirstOutputLine.WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Equal(File600, File.GetUnixFileMode(Path.Combine(root, "data2", "local-api-key")));
            Assert.Equal(Folder, File.GetUnixFileMode(Path.Combine(root, "data2")));
        }
    }

    /// <summary>Runs a command as another OS user (needs root); returns its exit code.</summary>
    private static int RunAs(string user, params string[] command)
    {
        var start = new ProcessStartInfo("runuser") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-u", user, "--" }.Concat(command))
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1; // no runuser
        }
    }
}
