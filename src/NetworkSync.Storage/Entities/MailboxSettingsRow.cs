namespace NetworkSync.Storage.Entities;

/// <summary>
/// Per-mailbox settings: what Outlook says (mailboxSettings, refreshed by sync) and what the user chose
/// in NetworkSync (which wins). Nulls mean "not said": the next source down applies.
/// </summary>
public sealed class MailboxSettingsRow
{
    public required string MailboxId { get; set; }

    public string? OutlookTimeZone { get; set; }

    /// <summary>Comma-separated lower-case day names, as Graph spells them ("monday,tuesday").</summary>
    public string? OutlookWorkingDays { get; set; }

    /// <summary>"HH:mm".</summary>
    public string? OutlookWorkStart { get; set; }

    public string? OutlookWorkEnd { get; set; }

    public string? UserTimeZone { get; set; }

    public string? UserWorkingDays { get; set; }

    public string? UserWorkStart { get; set; }

    public string? UserWorkEnd { get; set; }

    /// <summary>
    /// The user's silence threshold for "dormant", in days; null = configuration's
    /// Relationships:DormantAfter. Scoring reads it, so changing it re-scores the mailbox.
    /// </summary>
    public int? DormantDays { get; set; }

    /// <summary>
    /// After how many days without an answer the user's mail shows under "waiting on them"; null = the
    /// default (Domain AwaitingReply.DefaultDays). Read per request, so changing it re-scores nothing.
    /// </summary>
    public int? WaitingDays { get; set; }

    /// <summary>Microsoft To Do write-back; null = the deployment's default.</summary>
    public bool? TodoEnabled { get; set; }

    /// <summary>
    /// The owner's consent to be named to colleagues as someone who knows a person ("Bo Berg (warm) in your
    /// organisation knows them"); null or false = not suggested (off by default). Only the owner sets it.
    /// </summary>
    public bool? SuggestAsIntroducer { get; set; }

    public long UpdatedMs { get; set; }
}
