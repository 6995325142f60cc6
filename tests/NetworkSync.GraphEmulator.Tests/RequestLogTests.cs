namespace NetworkSync.GraphEmulator.Tests;

public sealed class RequestLogTests
{
    [Fact]
    public async Task Every_request_is_logged_with_endpoint_mailbox_status_fault_and_prefer()
    {
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions());
        var log = session.Emulator.Requests;
        session.Emulator.Tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));
        session.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, Endpoint = EndpointKind.CalendarViewDelta });
        log.Clear();

        await session.GetAsync("v1.0/users/alice@contoso.test/mailFolders/inbox/messages/delta?$select=subject", "odata.maxpagesize=50");
        await session.GetAsync("v1.0/users/u1/calendarView/delta?startDateTime=2024-01-01&endDateTime=2024-02-01");
        await session.GetAsync("v1.0/users");

        var entries = log.Snapshot();
        Assert.Equal(3, entries.Count);
        var delta = entries[0];
        Assert.Equal(("GET", EndpointKind.MessagesDelta, "u1", 200), (delta.Method, delta.Endpoint, delta.Mailbox, delta.Status));
        Assert.Equal("/v1.0/users/alice@contoso.test/mailFolders/inbox/messages/delta", delta.Path);
        Assert.Equal("?$select=subject", delta.Query);
        Assert.Equal("odata.maxpagesize=50", delta.Prefer);
        Assert.Null(delta.Fault);
        Assert.Equal((429, "TooManyRequests"), (entries[1].Status, entries[1].Fault));
        Assert.Equal(1, log.Count(EndpointKind.MessagesDelta, "alice@contoso.test"));
        Assert.Equal(2, log.Count(mailbox: "u1"));
        Assert.Equal(1, log.Count(EndpointKind.Users));
        Assert.Equal(1, log.MaxConcurrency("u1"));
    }
}
