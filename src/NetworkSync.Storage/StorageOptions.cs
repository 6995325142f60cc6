using System.ComponentModel.DataAnnotations;
namespace NetworkSync.Storage;

/// <summary>Where NetworkSync keeps its data. Bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The SQLite database file; relative paths are taken from the current directory.</summary>
    [Required(ErrorMessage = "Storage:DatabasePath is required")]
    public string DatabasePath { get; set; } = Path.Combine("data", "networksync.db");

    public string ConnectionString => $"Data Source={Path.GetFullPath(DatabasePath)};Pooling=True;Default Timeout=60";
}
