using System.Diagnostics;

namespace NetworkSync.App.Tests;

/// <summary>Runs the real `networksync` executable (built beside the tests) as a separate process.</summary>
internal static class CliRunner
{
    public static Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(params string[] args) =>
        RunWithEnvironmentAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs it with these environment variables set (configuration such as AzureAd__ClientId).</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "networksync.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public static string TempPath(string name) =>
        Path.Combine(Path.GetTempPath(), "networksync-cli-tests", Guid.NewGuid().ToString("N"), name);
}
