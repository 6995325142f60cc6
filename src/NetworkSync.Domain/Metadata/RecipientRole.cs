namespace NetworkSync.Domain.Metadata;

public enum RecipientRole
{
    To = 0,
    Cc = 1,
    Bcc = 2,
}
