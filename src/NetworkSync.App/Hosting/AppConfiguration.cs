namespace NetworkSync.App.Hosting;

/// <summary>
/// Configuration sources in order: the repository's top-level appsettings.json (when run from
/// source), appsettings.json beside the binary or in the working directory, user-secrets, then
/// environment variables (Graph__ClientSecret, ...), so secrets never need a committed file.
/// </summary>
public static class AppConfiguration
{
    public static void AddSources(IConfigurationBuilder builder)
    {
        if (FindRepositoryRoot() is { } root)
        {
            builder.AddJsonFile(Path.Combine(root, "appsettings.json"), optional: true, reloadOnChange: false);
        }

        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        builder.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false);
        builder.AddUserSecrets(typeof(AppConfiguration).Assembly, optional: true);
        builder.AddEnvironmentVariables();
    }

    public static IConfiguration Build()
    {
        var builder = new ConfigurationBuilder();
        AddSources(builder);
        return builder.Build();
    }

    /// <summary>
    /// Resolves a configured (not command-line) path: relative paths are taken from the repository root
    /// when run from source, so `dotnet run` (which starts in the project folder) still uses ./data.
    /// </summary>
    public static string ResolveConfiguredPath(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(FindRepositoryRoot() ?? Directory.GetCurrentDirectory(), path));

    /// <summary>The folder holding NetworkSync.sln above the working directory or the binary, if any.</summary>
    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NetworkSync.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
