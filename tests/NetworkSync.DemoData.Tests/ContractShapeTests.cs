using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetworkSync.DemoData.Tests;

/// <summary>The files follow graph-fixture.md: Graph's own layout and v1.0 shapes.</summary>
[Collection(DefaultMailbox.Name)]
public sealed partial class ContractShapeTests(DefaultMailboxFixture fixture)
{
    private static readonly HashSet<string> KnownZones = ["UTC", "Europe/London", "Europe/Berlin", "Pacific Standard Time", "Eastern Standard Time"];
    private static readonly JsonValueKind[] Booleans = [JsonValueKind.True, JsonValueKind.False];
    private static readonly string[] Classifications = ["focused", "other"];
    private static readonly string[] AttendeeTypes = ["required", "optional", "resource"];
    private static readonly string[] AttendeeResponses = ["none", "accepted", "tentativelyAccepted", "declined", "notResponded"];
    private static readonly string[] InstanceTypes = ["singleInstance", "occurrence", "exception"];

    [Fact]
    public void UsersFileDescribesTheMailboxWithItsAlias()
    {
        var user = Assert.Single(fixture.Users.RootElement.GetProperty("value").EnumerateArray());
        Assert.Equal(fixture.Summary.UserId, user.GetProperty("id").GetString());
        Assert.Equal("dana.whitfield@contoso.example", user.GetProperty("mail").GetString());
        Assert.Equal("dana.whitfield@contoso.example", user.GetProperty("userPrincipalName").GetString());
        Assert.Equal("Dana Whitfield", user.GetProperty("displayName").GetString());
        var proxies = user.GetProperty("proxyAddresses").EnumerateArray().Select(proxy => proxy.GetString()).ToList();
        Assert.Contains("SMTP:dana.whitfield@contoso.example", proxies);
        Assert.Contains("smtp:dana@contoso.example", proxies);
        Assert.Matches(GuidShape(), fixture.Summary.UserId);
    }

    [Fact]
    public void EveryFolderHasMailAndTheSummaryCountsIt()
    {
        foreach (var folder in GeneratedFixture.Folders)
        {
            Assert.NotEmpty(fixture.MessagesByFolder[folder]);
        }

        Assert.Equal(fixture.Summary.Messages, fixture.Messages.Count());
        Assert.Equal(fixture.Summary.Events, fixture.Events.Count());
    }

    [Fact]
    public void EveryMessageHasTheGraphMessageShape()
    {
        foreach (var (folder, messages) in fixture.MessagesByFolder)
        {
            var folderIds = new HashSet<string>();
            foreach (var message in messages)
            {
                Assert.StartsWith("AAMkAD", message.GetProperty("id").GetString());
                var sent = GraphJson.Instant(message.GetProperty("sentDateTime"));
                var received = GraphJson.Instant(message.GetProperty("receivedDateTime"));
                Assert.True(received >= sent);
                Assert.True(sent <= fixture.Options.AsOf, "no mail from the future");
                AssertEmailAddress(message.GetProperty("from"));
                AssertEmailAddress(message.GetProperty("sender"));
                Assert.NotEmpty(message.GetProperty("toRecipients").EnumerateArray());
                foreach (var recipient in message.GetProperty("toRecipients").EnumerateArray().Concat(message.GetProperty("ccRecipients").EnumerateArray()))
                {
                    AssertEmailAddress(recipient);
                }

                Assert.False(string.IsNullOrEmpty(message.GetProperty("conversationId").GetString()));
                Assert.Matches("^<[^<>@]+@[^<>@]+>$", message.GetProperty("internetMessageId").GetString());
                Assert.Equal(JsonValueKind.String, message.GetProperty("subject").ValueKind);
                Assert.False(message.GetProperty("isDraft").GetBoolean());
                Assert.Contains(message.GetProperty("isRead").ValueKind, Booleans);
                Assert.Contains(message.GetProperty("inferenceClassification").GetString(), Classifications);
                Assert.False(message.TryGetProperty("body", out _), "bodies are never written");
                Assert.False(message.TryGetProperty("bodyPreview", out _), "bodies are never written");
                if (message.TryGetProperty("internetMessageHeaders", out var headers))
                {
                    Assert.All(headers.EnumerateArray(), header =>
                    {
                        Assert.False(string.IsNullOrEmpty(header.GetProperty("name").GetString()));
                        Assert.Equal(JsonValueKind.String, header.GetProperty("value").ValueKind);
                    });
                }

                folderIds.Add(message.GetProperty("parentFolderId").GetString()!);
            }

            Assert.True(folderIds.Count == 1, $"all messages in {folder} share one parentFolderId");
        }
    }

    [Fact]
    public void IdsAreUniqueAcrossMailAndCalendar()
    {
        var ids = fixture.Messages.Select(message => message.GetProperty("id").GetString())
            .Concat(fixture.Events.Select(calendarEvent => calendarEvent.GetProperty("id").GetString()))
            .ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryEventHasTheCalendarViewShape()
    {
        foreach (var calendarEvent in fixture.Events)
        {
            Assert.StartsWith("AAMkAD", calendarEvent.GetProperty("id").GetString());
            Assert.Equal(JsonValueKind.String, calendarEvent.GetProperty("subject").ValueKind);
            var start = calendarEvent.GetProperty("start");
            var end = calendarEvent.GetProperty("end");
            foreach (var dateTimeTimeZone in new[] { start, end })
            {
                Assert.Matches(WallClockShape(), dateTimeTimeZone.GetProperty("dateTime").GetString());
                Assert.Contains(dateTimeTimeZone.GetProperty("timeZone").GetString()!, KnownZones);
            }

            Assert.Equal(start.GetProperty("timeZone").GetString(), end.GetProperty("timeZone").GetString());
            Assert.True(string.CompareOrdinal(end.GetProperty("dateTime").GetString(), start.GetProperty("dateTime").GetString()) > 0);
            AssertEmailAddress(calendarEvent.GetProperty("organizer"));
            foreach (var attendee in calendarEvent.GetProperty("attendees").EnumerateArray())
            {
                Assert.Contains(attendee.GetProperty("type").GetString(), AttendeeTypes);
                Assert.Contains(
                    attendee.GetProperty("status").GetProperty("response").GetString(),
                    AttendeeResponses);
                GraphJson.Instant(attendee.GetProperty("status").GetProperty("time"));
                AssertEmailAddress(attendee);
            }

            Assert.Contains(calendarEvent.GetProperty("isCancelled").ValueKind, Booleans);
            var isOrganizer = calendarEvent.GetProperty("isOrganizer").GetBoolean();
            var response = calendarEvent.GetProperty("responseStatus").GetProperty("response").GetString();
            Assert.Equal(isOrganizer, response == "organizer");
            GraphJson.Instant(calendarEvent.GetProperty("responseStatus").GetProperty("time"));
            var type = calendarEvent.GetProperty("type").GetString();
            Assert.Contains(type, InstanceTypes);
            var seriesMaster = calendarEvent.GetProperty("seriesMasterId");
            Assert.Equal(type == "singleInstance", seriesMaster.ValueKind == JsonValueKind.Null);
            Assert.False(calendarEvent.TryGetProperty("body", out _), "bodies are never written");
        }
    }

    [Fact]
    public void CalendarShowsEveryKindOfEventTheBriefAsksFor()
    {
        var events = fixture.Events.ToList();
        string Response(JsonElement calendarEvent) => calendarEvent.GetProperty("responseStatus").GetProperty("response").GetString()!;

        Assert.Contains(events, calendarEvent => calendarEvent.GetProperty("type").GetString() == "occurrence");
        var exceptions = events.Where(calendarEvent => calendarEvent.GetProperty("type").GetString() == "exception").ToList();
        Assert.NotEmpty(exceptions);
        var seriesIds = events.Where(calendarEvent => calendarEvent.GetProperty("type").GetString() == "occurrence")
            .Select(calendarEvent => calendarEvent.GetProperty("seriesMasterId").GetString()).ToHashSet();
        Assert.All(exceptions, exception => Assert.Contains(exception.GetProperty("seriesMasterId").GetString(), seriesIds));
        Assert.Contains(events, calendarEvent => calendarEvent.GetProperty("isCancelled").GetBoolean());
        Assert.Contains(events, calendarEvent => Response(calendarEvent) == "declined");
        Assert.Contains(events, calendarEvent => Response(calendarEvent) == "tentativelyAccepted");
        Assert.Contains(events, calendarEvent => calendarEvent.GetProperty("isOrganizer").GetBoolean());
        Assert.Contains(events, calendarEvent => !calendarEvent.GetProperty("isOrganizer").GetBoolean());
        Assert.Contains(events, calendarEvent => calendarEvent.GetProperty("isAllDay").GetBoolean()
                                                 && TruthRecomputation.EndInstant(calendarEvent) - TruthRecomputation.StartInstant(calendarEvent) > TimeSpan.FromDays(1));
        Assert.Contains(events, calendarEvent => !calendarEvent.GetProperty("isAllDay").GetBoolean()
                                                 && TruthRecomputation.EndInstant(calendarEvent) - TruthRecomputation.StartInstant(calendarEvent) > TimeSpan.FromDays(1));
        Assert.Contains(events, calendarEvent => calendarEvent.GetProperty("attendees").GetArrayLength() == 200);
        Assert.Contains(events, calendarEvent => calendarEvent.GetProperty("attendees").EnumerateArray()
            .Any(attendee => attendee.GetProperty("type").GetString() == "resource" && GraphJson.Address(attendee).StartsWith("room-", StringComparison.Ordinal)));
        var zones = events.Select(calendarEvent => calendarEvent.GetProperty("start").GetProperty("timeZone").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "UTC", "Europe/London", "Pacific Standard Time" }, zones);
        Assert.Contains(events, calendarEvent => TruthRecomputation.StartInstant(calendarEvent) > fixture.Options.AsOf);
        Assert.True(
            events.Count(calendarEvent => calendarEvent.GetProperty("start").GetProperty("timeZone").GetString() == "UTC") > events.Count / 2,
            "most events are in UTC");
    }

    [Fact]
    public void SeriesInstancesKeepTheirWallClockTimeInTheirZone()
    {
        var pacificSync = fixture.Events.Where(calendarEvent => calendarEvent.GetProperty("subject").GetString()!.EndsWith("monthly sync", StringComparison.Ordinal)
                                                                && calendarEvent.GetProperty("type").GetString() == "occurrence")
            .ToList();
        Assert.NotEmpty(pacificSync);
        Assert.All(pacificSync, occurrence =>
        {
            Assert.Equal("Pacific Standard Time", occurrence.GetProperty("start").GetProperty("timeZone").GetString());
            Assert.EndsWith("T09:00:00.0000000", occurrence.GetProperty("start").GetProperty("dateTime").GetString());
        });
    }

    [Fact]
    public void MailContainsTheNoiseAWarmthModelMustSeeThrough()
    {
        var messages = fixture.Messages.ToList();
        static IEnumerable<string> HeaderNames(JsonElement message) =>
            message.TryGetProperty("internetMessageHeaders", out var headers)
                ? headers.EnumerateArray().Select(header => header.GetProperty("name").GetString()!)
                : [];

        var newsletters = messages.Where(message => HeaderNames(message).Contains("List-Unsubscribe")).ToList();
        Assert.NotEmpty(newsletters);
        Assert.All(newsletters, newsletter =>
        {
            Assert.Contains("List-Id", HeaderNames(newsletter));
            Assert.Equal("other", newsletter.GetProperty("inferenceClassification").GetString());
        });
        Assert.Contains(messages, message => message.TryGetProperty("internetMessageHeaders", out var headers)
                                             && headers.EnumerateArray().Any(header => header.GetProperty("name").GetString() == "Auto-Submitted"
                                                                                       && header.GetProperty("value").GetString() == "auto-generated"));
        Assert.Contains(messages, message => GraphJson.Recipients(message).Contains("all-staff@contoso.example")
                                             && message.GetProperty("ccRecipients").GetArrayLength() >= 10);
        Assert.Contains(messages, message => GraphJson.Address(message.GetProperty("from")).StartsWith("noreply@", StringComparison.Ordinal));
    }

    [Fact]
    public void RepliesShareTheConversationOfWhatTheyAnswer()
    {
        var byConversation = fixture.Messages.GroupBy(message => message.GetProperty("conversationId").GetString()).ToList();
        var threads = byConversation.Where(conversation => conversation.Count() > 1).ToList();
        Assert.True(threads.Count > 100);
        var twoWay = threads.Count(conversation =>
            conversation.Any(message => fixture.OwnerAddresses.Contains(GraphJson.Address(message.GetProperty("from"))))
            && conversation.Any(message => !fixture.OwnerAddresses.Contains(GraphJson.Address(message.GetProperty("from")))));
        Assert.True(twoWay > 100, "replies go both ways");
        Assert.Contains(threads, conversation => conversation.Any(message => message.GetProperty("subject").GetString()!.StartsWith("Re: ", StringComparison.Ordinal)));
    }

    private static void AssertEmailAddress(JsonElement holder)
    {
        var emailAddress = holder.GetProperty("emailAddress");
        Assert.False(string.IsNullOrEmpty(emailAddress.GetProperty("name").GetString()));
        var address = emailAddress.GetProperty("address").GetString()!;
        Assert.Contains('@', address);
        Assert.Equal(address.ToLowerInvariant(), address);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$")]
    private static partial Regex WallClockShape();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex GuidShape();
}
