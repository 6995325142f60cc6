using NetworkSync.DemoData.Calendar;
using NetworkSync.DemoData.Cast;
using NetworkSync.DemoData.Mail;
using NetworkSync.DemoData.Truth;

namespace NetworkSync.DemoData.Generation;

/// <summary>A generated mailbox held in memory: the cast, the mail, the calendar and the truth measured from them.</summary>
internal sealed record DemoMailbox(
    int Seed,
    MailboxPeriod Period,
    DemoCast Cast,
    IReadOnlyList<GeneratedMessage> Messages,
    IReadOnlyList<GeneratedEvent> Events,
    IReadOnlyList<ContactTruth> Truth);
