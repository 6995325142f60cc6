using System.Net;
using Hangfire.Dashboard;

namespace NetworkSync.App.Hosting;

/// <summary>The Hangfire dashboard answers only requests from this machine (demo mode).</summary>
public sealed class LoopbackOnlyDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var remote = context.GetHttpContext().Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote);
    }
}
