using NetworkSync.DemoData.Cast;
using NetworkSync.DemoData.Generation;
using NetworkSync.DemoData.Randomness;

namespace NetworkSync.DemoData.Mail;

/// <summary>
/// Brings the message count to an exact target after volume scaling got it close. Only automated mail is added or,
/// preferably, removed, so the person-to-person rhythm the truth describes is left alone.
/// </summary>
internal static class MessageVolumeAdjuster
{
    public static void Adjust(
        List<GeneratedMessage> messages, int target, DemoCast cast, NoiseMailGenerator noise, MailboxPeriod period, SeededRandom random)
    {
        if (messages.Count > target)
        {
            Trim(messages, messages.Count - target, cast, random);
        }
        else if (messages.Count < target)
        {
            Pad(messages, target - messages.Count, cast, noise, period, random);
        }
    }

    private static void Trim(List<GeneratedMessage> messages, int excess, DemoCast cast, SeededRandom random)
    {
        var automated = cast.Contacts.Where(contact => contact.Kind.IsAutomated()).Select(contact => contact.Primary.Address).ToHashSet(StringComparer.Ordinal);
        var preferred = new List<int>();
        var others = new List<int>();
        for (var index = 0; index < messages.Count; index++)
        {
            (automated.Contains(messages[index].From.Address) ? preferred : others).Add(index);
        }

        var doomed = random.Sample(preferred, excess);
        if (doomed.Count < excess)
        {
            // Only when the target is below the volume of automated mail do people's messages go too.
            doomed.AddRange(random.Sample(others, excess - doomed.Count));
        }

        var removal = new bool[messages.Count];
        foreach (var index in doomed)
        {
            removal[index] = true;
        }

        var kept = 0;
        for (var index = 0; index < messages.Count; index++)
        {
            if (!removal[index])
            {
                messages[kept++] = messages[index];
            }
        }

        messages.RemoveRange(kept, messages.Count - kept);
    }

    private static void Pad(List<GeneratedMessage> messages, int shortfall, DemoCast cast, NoiseMailGenerator noise, MailboxPeriod period, SeededRandom random)
    {
        var senders = cast.Contacts.Where(contact => contact.Kind.IsAutomated()).ToList();
        for (var count = 0; count < shortfall; count++)
        {
            var sender = random.Pick(senders);
            var sent = random.Between(sender.ActiveFrom, period.AsOf);
            messages.Add(noise.CreateOne(sender, sent, random));
        }
    }
}
