using System.Net;
using Hangfire.Dashboard;
using NetworkSync.App.Hosting.Local;

namespace NetworkSync.App.Hosting;

/// <summary>
/// The Hangfire dashboard (demo mode) answers only requests from this machine, sent by its own pages
/// (a form or script on another site or another loopback port is refused), and in local mode only a
/// signed-in caller: a process that knows only the port gets nothing.
/// </summary>
public sealed class LoopbackOnlyDashboardAuthorization(bool requireSignIn) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var remote = http.Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote)
            && SameOriginRequests.IsSameOrigin(http.Request)
            && (!requireSignIn || http.User.Identity?.IsAuthenticated == true);
    }
}
