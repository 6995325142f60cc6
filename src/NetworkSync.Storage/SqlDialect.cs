namespace NetworkSync.Storage;

/// <summary>
/// The bits of SQL where SQLite and PostgreSQL differ; everything else the stores write once for both
/// (<c>INSERT ... ON CONFLICT ... DO UPDATE</c> with <c>excluded.</c>, <c>CASE</c>, <c>COALESCE</c>, <c>@name</c>
/// parameters; unquoted identifiers, which PostgreSQL folds to the lower-case names its schema uses, see
/// <see cref="PostgresNetworkSyncDbContext"/>).
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new("MAX");

    public static readonly SqlDialect Postgres = new("GREATEST");

    private readonly string greatest;

    private SqlDialect(string greatest) => this.greatest = greatest;

    /// <summary>The larger of two values: SQLite's two-argument MAX is PostgreSQL's GREATEST.</summary>
    public string Greatest(string first, string second) => $"{greatest}({first}, {second})";
}
