using System.Security.Cryptography;
using System.Text;

namespace NetworkSync.App.Hosting.Local;

/// <summary>
/// The random per-install key that local mode's API calls must carry (header <see cref="HeaderName"/>).
/// It lives in a file only its owner can read, beside the data, and no answer of the service carries it:
/// local scripts and tests read the file; browsers sign in with the printed URL instead (LocalSignIn).
/// NETWORKSYNC_LOCAL_KEY overrides it (scripts and tests).
/// </summary>
public sealed class LocalApiKey
{
    public const string HeaderName = "X-NetworkSync-Key";
    public const string EnvironmentVariable = "NETWORKSYNC_LOCAL_KEY";

    private readonly byte[] expected;

    private LocalApiKey(string value, string source)
    {
        Value = value;
        Source = source;
        expected = Encoding.UTF8.GetBytes(value);
    }

    public string Value { get; }

    /// <summary>Where the key came from (a file path or the environment variable), for the start-up text.</summary>
    public string Source { get; }

    public static LocalApiKey Load(string folder)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: >= 16 } fromEnvironment)
        {
            return new LocalApiKey(fromEnvironment, EnvironmentVariable);
        }

        NetworkSync.Storage.PrivateFiles.CreateFolder(folder);
        var path = Path.Combine(folder, "local-api-key");
        for (var attempt = 0; ; attempt++)
        {
            if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= 16 } existing)
            {
                return new LocalApiKey(existing, path);
            }

            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            try
            {
                // CreateNew: two processes starting at once agree on whichever key was written first.
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using (var stream = new FileStream(path, options))
                using (var writer = new StreamWriter(stream))
                {
                    writer.Write(key);
                }

                return new LocalApiKey(key, path);
            }
            catch (IOException) when (attempt < 3)
            {
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>Compares in constant time, so the key cannot be guessed byte by byte from timings.</summary>
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), expected);
}
