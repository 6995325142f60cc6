using NetworkSync.DemoData.Randomness;

namespace NetworkSync.DemoData.Calendar;

/// <summary>Realistic mixes of Graph meeting responses.</summary>
internal static class ResponsePicker
{
    public const string Organizer = "organizer";
    public const string Accepted = "accepted";
    public const string Tentative = "tentativelyAccepted";
    public const string Declined = "declined";
    public const string NotResponded = "notResponded";
    public const string None = "none";

    /// <summary>The owner's answer to someone else's invitation; upcoming invitations are more often still unanswered.</summary>
    public static string OwnerAnswer(bool upcoming, SeededRandom random)
    {
        var roll = random.NextDouble();
        return upcoming
            ? roll switch { < 0.6 => Accepted, < 0.7 => Tentative, < 0.75 => Declined, _ => NotResponded }
            : roll switch { < 0.78 => Accepted, < 0.86 => Tentative, < 0.94 => Declined, _ => NotResponded };
    }

    /// <summary>An invitee's answer to the owner's invitation (the organiser sees everyone's responses).</summary>
    public static string InviteeAnswer(SeededRandom random) => random.NextDouble() switch
    {
        < 0.75 => Accepted,
        < 0.83 => Tentative,
        < 0.9 => Declined,
        _ => None,
    };

    public static bool HasResponded(string response) => response is Accepted or Tentative or Declined;

    public static string ShowAsFor(string ownerResponse) => ownerResponse switch
    {
        Tentative or NotResponded => "tentative",
        Declined => "free",
        _ => "busy",
    };
}
