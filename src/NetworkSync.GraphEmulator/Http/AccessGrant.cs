namespace NetworkSync.GraphEmulator.Http;

/// <summary>What an issued access token stands for: app-only (no user) or delegated for one user.</summary>
internal sealed record AccessGrant(string? UserId, DateTimeOffset ExpiresAt)
{
    public bool IsDelegated => UserId is not null;
}
