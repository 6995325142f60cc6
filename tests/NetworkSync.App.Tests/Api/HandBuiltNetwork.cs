using System.Globalization;
using System.Text.Json.Nodes;
using NetworkSync.App.Tests.FollowUps;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests.Api;

/// <summary>
/// Dana's small, fully known network in the Graph emulator, synced over HTTP by the real Graph client.
/// Every date is fixed relative to <see cref="Now"/>, so each answer can be worked out by hand:
/// <list type="bullet">
/// <item>Ana: 14 messages in four threads (March to June) and a meeting on 20 May; her latest mail (5 June,
/// To Dana) is newer than Dana's latest to her (1 June): Dana owes her a reply. A kickoff on 12 June is
/// ahead, a cancelled one on 15 June is not.</item>
/// <item>Ben wrote on 3 June and Dana answered on 4 June: no reply owed.</item>
/// <item>Cara wrote on 20 April and never got an answer: too long ago to count as owed.</item>
/// <item>Dave wrote on 7 June with Dana only in Cc: not owed.</item>
/// <item>noreply@billing.example sends receipts To Dana: automated, never owed.</item>
/// <item>Erin Example wrote from erin@old.example (January) and then erin@new.example (late May): one person.</item>
/// <item>Fred: two two-way threads on 1-2 March, quiet since (~100 days): not dormant at 180 days, dormant at 60.</item>
/// <item>Gina: four contact days two days apart in March, quiet since: cooling.</item>
/// <item>Hal: two two-way threads in October 2025: dormant.</item>
/// <item>newbie@fabrikam.example: only invited to the 12 June kickoff: a first contact with a meeting ahead.</item>
/// </list>
/// </summary>
internal static class HandBuiltNetwork
{
    public const string Ana = "ana.abe@fabrikam.example";
    public const string Ben = "ben.bauer@fabrikam.example";
    public const string Cara = "cara.cole@northwind.example";
    public const string Dave = "dave.dunn@fabrikam.example";
    public const string Robot = "noreply@billing.example";
    public const string ErinOld = "erin@old.example";
    public const string ErinNew = "erin@new.example";
    public const string Fred = "fred.fox@contoso-partners.example";
    public const string Gina = "gina.gray@tailspin.example";
    public const string Hal = "hal.hill@tailspin.example";
    public const string Newbie = "newbie@fabrikam.example";

    public static readonly DateTimeOffset Now = new(2026, 6, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly (string Name, string Address) DanaWho = ("Dana Whitfield", FollowUpMailbox.Dana);

    public static Task<FollowUpMailbox> StartAsync() => StartAsync(StorageProvider.Sqlite);

    public static async Task<FollowUpMailbox> StartAsync(StorageProvider provider)
    {
        var mailbox = await FollowUpMailbox.StartAsync(Now, provider);

        // Ana: four threads, then a meeting held and one ahead.
        Thread(mailbox, "ana-0", "Intro", ("Ana Abe", Ana),
            ("2026-03-02T10:00:00Z", false), ("2026-03-03T10:00:00Z", true), ("2026-03-04T10:00:00Z", false), ("2026-03-05T10:00:00Z", true), ("2026-03-06T10:00:00Z", false));
        Thread(mailbox, "ana-1", "Proposal", ("Ana Abe", Ana),
            ("2026-04-03T10:00:00Z", false), ("2026-04-04T10:00:00Z", true), ("2026-04-20T10:00:00Z", true));
        Thread(mailbox, "ana-2", "Budget", ("Ana Abe", Ana),
            ("2026-05-05T10:00:00Z", false), ("2026-05-06T10:00:00Z", true), ("2026-05-07T10:00:00Z", false), ("2026-05-08T10:00:00Z", true));
        Thread(mailbox, "ana-3", "Re: proposal", ("Ana Abe", Ana),
            ("2026-06-01T10:00:00Z", true), ("2026-06-05T10:00:00Z", false));
        mailbox.Meeting("ev-review", At("2026-05-20T15:00:00Z"), TimeSpan.FromHours(1), "Proposal review", Ana);
        mailbox.Meeting("ev-kickoff", At("2026-06-12T15:00:00Z"), TimeSpan.FromHours(1), "Kickoff", Ana, Newbie);
        mailbox.CancelMeeting("ev-cancelled", At("2026-06-15T15:00:00Z"), TimeSpan.FromHours(1), "Cancelled sync", Ana);

        Thread(mailbox, "ben-1", "Contract", ("Ben Bauer", Ben), ("2026-06-03T09:00:00Z", false), ("2026-06-04T09:00:00Z", true));
        Thread(mailbox, "cara-1", "Question", ("Cara Cole", Cara), ("2026-04-20T09:00:00Z", false));

        // Dave writes to Ben, Dana only copied.
        mailbox.Tenant.UpsertMessage(FollowUpMailbox.UserId, "inbox", Message("dave-1-0", At("2026-06-07T09:00:00Z"), "FYI", "dave-1", ("Dave Dunn", Dave), [("Ben Bauer", Ben)], [DanaWho]));

        Thread(mailbox, "robot-1", "Your receipt", ("Billing", Robot), ("2026-06-08T09:00:00Z", false));
        Thread(mailbox, "erin-1", "Hello again", ("Erin Example", ErinOld), ("2026-01-10T09:00:00Z", false), ("2026-01-11T09:00:00Z", true));
        Thread(mailbox, "erin-2", "New job", ("Erin Example", ErinNew), ("2026-05-20T09:00:00Z", false), ("2026-05-21T09:00:00Z", true));
        Thread(mailbox, "fred-1", "Partnership", ("Fred Fox", Fred), ("2026-03-01T09:00:00Z", false), ("2026-03-01T12:00:00Z", true));
        Thread(mailbox, "fred-2", "Partnership terms", ("Fred Fox", Fred), ("2026-03-02T09:00:00Z", true), ("2026-03-02T12:00:00Z", false));
        Thread(mailbox, "gina-1", "Design", ("Gina Gray", Gina), ("2026-03-01T09:00:00Z", false), ("2026-03-03T09:00:00Z", true));
        Thread(mailbox, "gina-2", "Design review", ("Gina Gray", Gina), ("2026-03-05T09:00:00Z", false), ("2026-03-07T09:00:00Z", true));
        Thread(mailbox, "hal-1", "Catch up", ("Hal Hill", Hal), ("2025-10-01T09:00:00Z", false), ("2025-10-01T12:00:00Z", true));
        Thread(mailbox, "hal-2", "Catch up again", ("Hal Hill", Hal), ("2025-10-02T09:00:00Z", true), ("2025-10-02T12:00:00Z", false));

        await mailbox.SyncMetadataAsync();
        return mailbox;
    }

    public static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>One thread between Dana and one contact: each step is a time and whether Dana sent it.</summary>
    public static void Thread(FollowUpMailbox mailbox, string conversation, string subject, (string Name, string Address) contact, params (string At, bool ByDana)[] steps)
    {
        for (var i = 0; i < steps.Length; i++)
        {
            var (at, byDana) = steps[i];
            var from = byDana ? DanaWho : contact;
            var to = byDana ? contact : DanaWho;
            mailbox.Tenant.UpsertMessage(FollowUpMailbox.UserId, byDana ? "sentitems" : "inbox",
                Message($"{conversation}-{i}", At(at), i == 0 ? subject : "Re: " + subject, conversation, from, [to], []));
        }
    }

    private static JsonObject Message(string id, DateTimeOffset at, string subject, string conversation, (string Name, string Address) from, (string Name, string Address)[] to, (string Name, string Address)[] cc) => new()
    {
        ["id"] = id,
        ["sentDateTime"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["receivedDateTime"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["subject"] = subject,
        ["conversationId"] = conversation,
        ["from"] = Who(from),
        ["toRecipients"] = new JsonArray(to.Select(t => (JsonNode)Who(t)).ToArray()),
        ["ccRecipients"] = new JsonArray(cc.Select(t => (JsonNode)Who(t)).ToArray()),
    };

    private static JsonObject Who((string Name, string Address) who) =>
        new() { ["emailAddress"] = new JsonObject { ["name"] = who.Name, ["address"] = who.Address } };
}
