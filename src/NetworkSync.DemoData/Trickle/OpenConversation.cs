using NetworkSync.DemoData.Mail;

namespace NetworkSync.DemoData.Trickle;

/// <summary>A trickled conversation that may get a reply later: who it is with, its subject, and who wrote last.</summary>
internal sealed record OpenConversation(TruthPerson Person, MailAddress OwnerAddress, string ConversationId, string Subject, bool OwnerWroteLast);
