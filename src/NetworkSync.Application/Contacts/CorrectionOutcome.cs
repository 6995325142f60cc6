namespace NetworkSync.Application.Contacts;

/// <summary>What became of a correction a user asked for.</summary>
public enum CorrectionOutcome
{
    /// <summary>Stored, or removed (or there was none to remove: removing is idempotent).</summary>
    Done,

    /// <summary>Refused: the correction is about one of the mailbox's own addresses.</summary>
    OwnAddress,
}
