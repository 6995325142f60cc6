using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NetworkSync.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the app host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<NetworkSyncDbContext>
{
    public NetworkSyncDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NetworkSyncDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
