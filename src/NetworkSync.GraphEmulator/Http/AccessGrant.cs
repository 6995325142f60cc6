namespace NetworkSync.GraphEmulator.Http;

/// <summary>
/// What an issued access token stands for: app-only (no user) or delegated for one user, and the client
/// (application) id it was issued to, which subscriptions report as their applicationId.
/// </summary>
internal sealed record AccessGrant(string? UserId, DateTimeOffset ExpiresAt, string? ClientId = null)
{
    public bool IsDelegated => UserId is not null;
}
