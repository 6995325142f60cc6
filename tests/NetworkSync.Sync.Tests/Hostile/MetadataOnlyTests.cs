using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.GraphEmulator;
using NetworkSync.Sync.Authentication;
using NetworkSync.Sync.Mapping;
using NetworkSync.Sync.Todo;

namespace NetworkSync.Sync.Tests.Hostile;

/// <summary>The request log of a whole mailbox sync plus a To Do pass: no body, preview or attachment is ever asked for.</summary>
public sealed partial class MetadataOnlyTests
{
    [Fact]
    public async Task No_request_asks_for_bodies_previews_or_attachments()
    {
        string[] folders = ["inbox", "sentitems", "archive", "drafts"];
        var fixture = new TestFixture();
        foreach (var folder in folders)
        {
            fixture.AddMessages(folder, 25);
        }

        fixture.AddEvent(TestFixture.NewEvent("AAMkEvt1", DateTimeOffset.UtcNow.AddDays(-3), TimeSpan.FromHours(1), "ana@fabrikam.example"))
            .AddEvent(TestFixture.NewEvent("AAMkEvt2", DateTimeOffset.UtcNow.AddDays(3), TimeSpan.FromHours(1), "ben@fabrikam.example"));
        await using var harness = await SyncHarness.StartAsync(fixture, o =>
        {
            o.MailFolders = [.. folders];
            o.PageSize = 10;
        });
        Assert.True((await harness.SyncAsync()).Succeeded);
        harness.Emulator.Tenant.UpsertMessage(TestFixture.UserId, "inbox", fixture.NewMessage("inbox", "late@fabrikam.example", TestFixture.Start.AddDays(9)));
        Assert.True((await harness.SyncAsync()).Succeeded);

        using (var connection = GraphConnection.Create(harness.Options, CredentialFactory.Create(harness.Options, TimeProvider.System), TimeProvider.System, NullLoggerFactory.Instance))
        {
            var todo = new TodoClient(connection, TimeProvider.System);
            var list = await todo.FindListAsync(TestFixture.UserId, "NetworkSync", CancellationToken.None)
                ?? await todo.CreateListAsync(TestFixture.UserId, "NetworkSync", CancellationToken.None);
            var content = new TodoTaskContent { Title = "Follow up", Due = DateTimeOffset.UtcNow.AddDays(1), ExternalId = "fu_1" };
            try
            {
                await todo.CreateTaskAsync(TestFixture.UserId, list, content, CancellationToken.None);
            }
            catch (Microsoft.Kiota.Abstractions.ApiException ex) when (ex.ResponseStatusCode == 500)
            {
                // The emulator has been seen to answer 500 here once in a while under heavy machine load
                // (cause not yet found, see the closing note); this step only puts To Do requests in the log.
                await todo.CreateTaskAsync(TestFixture.UserId, list, content, CancellationToken.None);
            }

            var changes = await todo.ReadChangesAsync(TestFixture.UserId, list, null, CancellationToken.None);
            Assert.NotNull(changes);
        }

        var log = harness.Emulator.Requests.Snapshot();
        Assert.Contains(log, e => e.Endpoint == EndpointKind.CalendarViewDelta);
        Assert.Contains(log, e => e.Endpoint == EndpointKind.TodoTasksDelta);
        foreach (var entry in log)
        {
            var query = Uri.UnescapeDataString(entry.Query ?? string.Empty);
            Assert.DoesNotMatch(Forbidden(), query);
            Assert.DoesNotMatch(Forbidden(), Uri.UnescapeDataString(entry.Path));
            Assert.DoesNotContain("/attachments", entry.Path, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("(?i)\\$expand=[^&]*attachments", query);
        }

        // Every initial message request names exactly the metadata fields.
        var initial = log.Where(e => e.Endpoint == EndpointKind.MessagesDelta && !e.Query.Contains("token", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(folders.Length, initial.Count);
        Assert.All(initial, e => Assert.Equal(
            GraphMessageJsonReader.SelectedFields.Order(StringComparer.Ordinal),
            SelectOf(Uri.UnescapeDataString(e.Query)).Order(StringComparer.Ordinal)));
    }

    private static string[] SelectOf(string query)
    {
        var select = query.TrimStart('?').Split('&').Single(p => p.StartsWith("$select=", StringComparison.Ordinal));
        return select["$select=".Length..].Split(',');
    }

    [GeneratedRegex("(?i)body|uniqueBody|bodyPreview|attachment|mimeContent|\\$value")]
    private static partial Regex Forbidden();
}
