namespace NetworkSync.App.Tests.Storage;

/// <summary>A test on a real PostgreSQL: skipped, saying what to install, when it is missing, unless it is required (<see cref="SharedPostgres.Required"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = SharedPostgres.SkipReason;
    }
}
