using System.Globalization;
using System.Text.Json.Nodes;
using NetworkSync.App.Tests.FollowUps;

namespace NetworkSync.App.Tests.Organisation;

/// <summary>
/// Three synced mailboxes of one tenant: Dana (the caller of most tests, who has never written to Tess), Bo Berg
/// (four two-way threads with Tess Tate since March: hot) and Cy Cole (one two-way thread with Tess). The subjects,
/// ids and dates of Bo's and Cy's mail are what no answer to Dana may carry.
/// </summary>
internal static class OrganisationNetwork
{
    public const string Tess = "tess.tate@adatum.example";
    public const string TessName = "Tess Tate";
    public const string BoId = "u-bo";
    public const string Bo = "bo.berg@contoso.example";
    public const string CyId = "u-cy";
    public const string Cy = "cy.cole@contoso.example";
    public const string DanaId = FollowUpMailbox.UserId;

    /// <summary>A word in every subject of Bo's and Cy's mail with Tess, and the start of every message id.</summary>
    public const string SecretSubject = "Quarzite";
    public const string MessageIdPrefix = "orgmsg";

    public static async Task<FollowUpMailbox> StartAsync()
    {
        var mailbox = await FollowUpMailbox.StartAsync(Api.HandBuiltNetwork.Now);
        AddUser(mailbox, BoId, Bo, "Bo Berg");
        AddUser(mailbox, CyId, Cy, "Cy Cole");

        string[] months = ["2026-03-02", "2026-04-06", "2026-05-04", "2026-06-01"];
        for (var t = 0; t < months.Length; t++)
        {
            for (var i = 0; i < 4; i++)
            {
                var at = DateTimeOffset.Parse(months[t] + "T10:00:00Z", CultureInfo.InvariantCulture).AddDays(i);
                Message(mailbox, BoId, $"{MessageIdPrefix}-bo-{t}-{i}", at, $"{SecretSubject} plan {t}", $"bo-tess-{t}", byOwner: i % 2 == 1, ("Bo Berg", Bo));
            }
        }

        Message(mailbox, CyId, $"{MessageIdPrefix}-cy-0", Api.HandBuiltNetwork.At("2026-06-02T10:00:00Z"), $"{SecretSubject} question", "cy-tess", byOwner: false, ("Cy Cole", Cy));
        Message(mailbox, CyId, $"{MessageIdPrefix}-cy-1", Api.HandBuiltNetwork.At("2026-06-03T10:00:00Z"), $"Re: {SecretSubject} question", "cy-tess", byOwner: true, ("Cy Cole", Cy));

        // Dana's own small network, so her mailbox scores as any other.
        Api.HandBuiltNetwork.Thread(mailbox, "ana-1", "Proposal", ("Ana Abe", Api.HandBuiltNetwork.Ana), ("2026-05-03T10:00:00Z", false), ("2026-05-04T10:00:00Z", true));
        await mailbox.SyncMetadataAsync();
        return mailbox;
    }

    private static void AddUser(FollowUpMailbox mailbox, string id, string mail, string name) =>
        mailbox.Tenant.AddUser(new JsonObject { ["id"] = id, ["mail"] = mail, ["userPrincipalName"] = mail, ["displayName"] = name });

    private static void Message(FollowUpMailbox mailbox, string userId, string id, DateTimeOffset at, string subject, string conversation, bool byOwner, (string Name, string Address) owner)
    {
        var tess = (TessName, Tess);
        var (from, to) = byOwner ? (owner, tess) : (tess, owner);
        var when = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        mailbox.Tenant.UpsertMessage(userId, byOwner ? "sentitems" : "inbox", new JsonObject
        {
            ["id"] = id,
            ["sentDateTime"] = when,
            ["receivedDateTime"] = when,
            ["subject"] = subject,
            ["conversationId"] = conversation,
            ["from"] = Who(from),
            ["toRecipients"] = new JsonArray(Who(to)),
            ["ccRecipients"] = new JsonArray(),
        });
    }

    private static JsonObject Who((string Name, string Address) who) =>
        new() { ["emailAddress"] = new JsonObject { ["name"] = who.Name, ["address"] = who.Address } };
}
