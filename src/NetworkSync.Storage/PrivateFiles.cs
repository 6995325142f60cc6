namespace NetworkSync.Storage;

/// <summary>
/// The data NetworkSync keeps (who talks to whom, subjects, keys) is readable by its owner alone:
/// folders it creates are 0700 and its files 0600, whatever the process's umask. On Windows the
/// profile's ACLs already do this, so nothing is changed there.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates the folder (and missing parents) owner-only. An existing folder is made owner-only only
    /// when <paramref name="tightenExisting"/> says it is NetworkSync's own (never, say, the /tmp a --db points into).
    /// </summary>
    public static void CreateFolder(string path, bool tightenExisting = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        var existed = Directory.Exists(path);
        Directory.CreateDirectory(path, OwnerOnlyFolder);
        if (existed && tightenExisting)
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) & OwnerOnlyFolder);
        }
    }

    /// <summary>Makes the file owner-only, creating it empty when it does not exist yet.</summary>
    public static void RestrictFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile });
        }

        File.SetUnixFileMode(path, OwnerOnlyFile);
    }
}
