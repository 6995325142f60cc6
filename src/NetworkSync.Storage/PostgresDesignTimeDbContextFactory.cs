using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NetworkSync.Storage;

/// <summary>Lets <c>dotnet ef migrations add --context PostgresNetworkSyncDbContext</c> build the context (no server is contacted).</summary>
public sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresNetworkSyncDbContext>
{
    public PostgresNetworkSyncDbContext CreateDbContext(string[] args) => PostgresDatabase.CreateContext("Host=localhost;Database=networksync_design");
}
