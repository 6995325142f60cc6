namespace NetworkSync.Domain.Relationships.Model;

/// <summary>Where a mailbox's warmth weights came from.</summary>
public enum WarmthModelSource
{
    /// <summary>The built-in weights: the mailbox has too little history to learn from (or none was fitted yet).</summary>
    BuiltIn = 0,

    /// <summary>Fitted on the mailbox's own history.</summary>
    Fitted = 1,
}
