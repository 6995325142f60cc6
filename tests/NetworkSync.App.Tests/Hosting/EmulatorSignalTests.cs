using System.Diagnostics;

namespace NetworkSync.App.Tests.Hosting;

/// <summary>
/// `networksync emulator` as a real process stops gracefully on SIGTERM (a container runtime's stop) and SIGINT,
/// within a few seconds and with exit code 0. The signal is sent with /bin/kill (Process.Kill is SIGKILL).
/// </summary>
public sealed class EmulatorSignalTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task The_emulator_stops_on_a_signal(string signal)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "networksync.dll"));
        start.ArgumentList.Add("emulator");
        using var emulator = Process.Start(start)!;
        try
        {
            var url = await emulator.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
            using (var probe = new HttpClient())
            {
                // It serves: the token endpoint's tenant metadata or a 401 from Graph both prove a listener.
                using var answer = await probe.GetAsync(url + "/users");
                Assert.True((int)answer.StatusCode is >= 200 and < 500);
            }

            using (var kill = Process.Start("/bin/kill", ["-" + signal, emulator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
                Assert.Equal(0, kill.ExitCode);
            }

            var stopwatch = Stopwatch.StartNew();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await emulator.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, emulator.ExitCode);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));
        }
        finally
        {
            if (!emulator.HasExited)
            {
                emulator.Kill();
            }
        }
    }
}
