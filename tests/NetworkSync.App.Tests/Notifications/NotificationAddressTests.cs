using NetworkSync.App.Hosting;
using NetworkSync.Application.Notifications;
using NetworkSync.Sync.Configuration;

namespace NetworkSync.App.Tests.Notifications;

/// <summary>A public URL Graph would refuse is caught at start-up with a reason, not per mailbox at subscribe time.</summary>
public sealed class NotificationAddressTests
{
    [Theory]
    [InlineData("https://networksync.contoso.com", GraphAuthMode.ClientSecret)]
    [InlineData("https://networksync.contoso.com/base/", GraphAuthMode.Certificate)]
    [InlineData("http://127.0.0.1:5180", GraphAuthMode.Emulator)]
    public void Usable_public_urls_have_no_problem(string url, GraphAuthMode mode) =>
        Assert.Null(NotificationAddress.PublicUrlProblem(url, mode));

    [Theory]
    [InlineData("http://networksync.contoso.com", GraphAuthMode.ClientSecret, "https")]
    [InlineData("http://127.0.0.1:5180", GraphAuthMode.DeviceCode, "https")]
    [InlineData("http://networksync.contoso.com", GraphAuthMode.Emulator, "https")]
    [InlineData("networksync.contoso.com", GraphAuthMode.ClientSecret, "absolute")]
    [InlineData("ftp://networksync.contoso.com", GraphAuthMode.ClientSecret, "absolute")]
    [InlineData("https://networksync.contoso.com/?x=1", GraphAuthMode.ClientSecret, "base URL")]
    [InlineData("https://networksync.contoso.com/#top", GraphAuthMode.ClientSecret, "base URL")]
    public void Unusable_public_urls_are_named_with_the_reason(string url, GraphAuthMode mode, string reason) =>
        Assert.Contains(reason, NotificationAddress.PublicUrlProblem(url, mode), StringComparison.Ordinal);
}
