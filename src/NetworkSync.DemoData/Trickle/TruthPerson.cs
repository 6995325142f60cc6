using NetworkSync.DemoData.Mail;

namespace NetworkSync.DemoData.Trickle;

/// <summary>A planted person as the trickle sees them.</summary>
internal sealed record TruthPerson(MailAddress Address, string Kind, double Strength)
{
    public bool IsFriend => Kind == "friend";
}
