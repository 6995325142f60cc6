namespace NetworkSync.Domain.Metadata;

public sealed record Recipient(RecipientRole Role, Participant Who);
