using System.Reflection;
using NetworkSync.Storage;
using Xunit.Sdk;

namespace NetworkSync.App.Tests.Storage;

/// <summary>
/// Runs a theory once per storage provider: SQLite always, PostgreSQL when it is installed or required
/// (<see cref="SharedPostgres"/>); the test builds its database with <see cref="TestDatabases.CreateAsync"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [StorageProvider.Sqlite];
        if (SharedPostgres.SkipReason is null)
        {
            yield return [StorageProvider.Postgres];
        }
    }
}
