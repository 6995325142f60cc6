namespace NetworkSync.Storage.Coordination;

/// <summary>
/// This process's name among the instances sharing the database: host, process id and a random part (a
/// restarted process with a reused pid is a new instance, whose leases the old one's do not pass for).
/// </summary>
public sealed record InstanceIdentity(string Id)
{
    public static InstanceIdentity ForThisProcess() =>
        new($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}");
}
