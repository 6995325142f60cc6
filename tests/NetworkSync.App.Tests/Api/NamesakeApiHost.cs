using System.Text.Json.Nodes;
using NetworkSync.App.Tests.FollowUps;

namespace NetworkSync.App.Tests.Api;

/// <summary>
/// The caller-scoped API on a small mailbox with namesakes, synced from the Graph emulator over HTTP:
/// <list type="bullet">
/// <item>Two "Sam Lee"s (sam.lee@alpha.example, slee@beta.example), each in a two-way thread of their own
/// with Dana: the same name and no evidence either way, so a merge suggestion.</item>
/// <item>Two "Kim Park"s (kim.park@gamma.example, kpark@delta.example) both in To of one message from
/// Dana: two people on one message are two people, never suggested.</item>
/// <item>Ana, so the mailbox has a relationship that is nobody's namesake.</item>
/// </list>
/// Far too little history to fit a model or backtest one: the built-in weights, and the figures say why.
/// </summary>
public sealed class NamesakeApiHost : NetworkApiHost
{
    public const string SamAlpha = "sam.lee@alpha.example";
    public const string SamBeta = "slee@beta.example";
    public const string KimGamma = "kim.park@gamma.example";
    public const string KimDelta = "kpark@delta.example";

    internal override async Task<FollowUpMailbox> StartMailboxAsync()
    {
        var mailbox = await FollowUpMailbox.StartAsync(HandBuiltNetwork.Now);
        HandBuiltNetwork.Thread(mailbox, "sam-a", "Lunch", ("Sam Lee", SamAlpha), ("2026-05-02T10:00:00Z", false), ("2026-05-03T10:00:00Z", true));
        HandBuiltNetwork.Thread(mailbox, "sam-b", "Invoice", ("Sam Lee", SamBeta), ("2026-06-01T10:00:00Z", false), ("2026-06-02T10:00:00Z", true));
        HandBuiltNetwork.Thread(mailbox, "ana", "Plan", ("Ana Abe", HandBuiltNetwork.Ana), ("2026-06-03T10:00:00Z", false), ("2026-06-04T10:00:00Z", true));
        mailbox.Tenant.UpsertMessage(FollowUpMailbox.UserId, "sentitems", new JsonObject
        {
            ["id"] = "kims",
            ["sentDateTime"] = "2026-06-05T10:00:00Z",
            ["receivedDateTime"] = "2026-06-05T10:00:00Z",
            ["subject"] = "Both of you",
            ["conversationId"] = "kims",
            ["from"] = Who("Dana Whitfield", FollowUpMailbox.Dana),
            ["toRecipients"] = new JsonArray(Who("Kim Park", KimGamma), Who("Kim Park", KimDelta)),
            ["ccRecipients"] = new JsonArray(),
        });
        await mailbox.SyncMetadataAsync();
        return mailbox;
    }

    private static JsonObject Who(string name, string address) =>
        new() { ["emailAddress"] = new JsonObject { ["name"] = name, ["address"] = address } };
}
