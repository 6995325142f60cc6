namespace NetworkSync.Storage;

/// <summary>
/// The users who deleted all their data (<see cref="Entities.OptedOutMailboxRow"/>): the directory listing
/// and every sync skip them until they ask to be synced again. Only a hash of the Graph user id is kept,
/// so the table says who opted out only to someone who already knows the id.
/// </summary>
public sealed class OptOutStore(NetworkSyncDatabase database)
{
    /// <summary>SHA-256 of the Graph user id, lower-case hex: the key <see cref="Entities.OptedOutMailboxRow"/> keeps.</summary>
    public static string Hash(string userId) => Sha256Hex.Of(userId);

    /// <summary>
    /// Lifts the opt-out of <paramref name="userId"/>, or every opt-out when it is null (local mode: one
    /// person runs it, so every opt-out there is theirs). Returns how many were lifted.
    /// </summary>
    public Task<int> LiftAsync(string? userId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                if (userId is null)
                {
                    command.CommandText = "DELETE FROM OptedOutMailboxes;";
                }
                else
                {
                    command.CommandText = "DELETE FROM OptedOutMailboxes WHERE UserIdHash = @h;";
                    command.AddParameter("@h", Hash(userId));
                }

                return command.ExecuteNonQuery();
            },
            cancellationToken);
}
