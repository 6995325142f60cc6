using System.ComponentModel.DataAnnotations;
namespace NetworkSync.Storage;

/// <summary>Where NetworkSync keeps its data. Bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary>Which engine: SQLite (a local file, the default) or PostgreSQL (a server several instances may share).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite database file; relative paths are taken from the current directory.</summary>
    [Required(ErrorMessage = "Storage:DatabasePath is required")]
    public string DatabasePath { get; set; } = Path.Combine("data", "networksync.db");

    /// <summary>
    /// The PostgreSQL server, as an Npgsql connection string or a <c>postgresql://</c> URI. It holds a password:
    /// give it from the environment (<c>Storage__ConnectionString</c>) or user-secrets, never a committed file.
    /// </summary>
    public string? ConnectionString { get; set; }

    public string SqliteConnectionString => $"Data Source={Path.GetFullPath(DatabasePath)};Pooling=True;Default Timeout=60";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != StorageProvider.Postgres)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Storage:ConnectionString is required when Storage:Provider is Postgres (set Storage__ConnectionString in the environment)",
                [nameof(ConnectionString)]);
            yield break;
        }

        if (PostgresConnectionString.Problem(ConnectionString) is { } problem)
        {
            yield return new ValidationResult("Storage:ConnectionString: " + problem, [nameof(ConnectionString)]);
        }
    }
}
