using Microsoft.EntityFrameworkCore;

namespace NetworkSync.Storage;

/// <summary>
/// The schema on PostgreSQL: the same model as <see cref="NetworkSyncDbContext"/>, with its own migrations
/// (Migrations/Postgres; the SQLite ones stay as they are). Two differences, both for the stores' plain SQL:
/// tables and columns are named in lower case, which is what PostgreSQL folds the unquoted names of that SQL
/// to, so one SQL text serves both providers; and text columns sort with the "C" collation, byte by byte as
/// SQLite does, whatever the server's locale. Longs are bigint, ints integer, bools boolean (SQLite: INTEGER).
/// </summary>
public sealed class PostgresNetworkSyncDbContext(DbContextOptions<PostgresNetworkSyncDbContext> options) : NetworkSyncDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            entity.SetTableName(entity.GetTableName()!.ToLowerInvariant());
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(property.Name.ToLowerInvariant());
                if (property.ClrType == typeof(string))
                {
                    property.SetCollation("C");
                }
            }
        }
    }
}
