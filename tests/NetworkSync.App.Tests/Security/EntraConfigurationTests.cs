namespace NetworkSync.App.Tests.Security;

/// <summary>An Entra ID configuration that cannot work stops the start with the reason, instead of a service that answers 500.</summary>
public sealed class EntraConfigurationTests
{
    [Theory]
    [InlineData("", "contoso.example", "AzureAd:Instance must be the sign-in authority's absolute URL")]
    [InlineData("not a url", "contoso.example", "AzureAd:Instance must be the sign-in authority's absolute URL")]
    [InlineData("http://login.microsoftonline.com/", "contoso.example", "AzureAd:Instance must use https (http://login.microsoftonline.com does not)")]
    [InlineData("https://login.microsoftonline.com/", "", "AzureAd:TenantId is missing")]
    public async Task Serve_refuses_to_start_and_says_why(string instance, string tenant, string reason)
    {
        var environment = new Dictionary<string, string>
        {
            ["AzureAd__ClientId"] = "11111111-2222-3333-4444-555555555555",
            ["AzureAd__Instance"] = instance,
            ["AzureAd__TenantId"] = tenant,
            ["AzureAd__Audience"] = "api://networksync",
        };
        var (exitCode, stdout, stderr) = await CliRunner.RunWithEnvironmentAsync(environment, "serve", "--fixture", CliRunner.TempPath("no-fixture-needed"), "--db", CliRunner.TempPath("entra-config.db"), "--urls", "http://127.0.0.1:0");
        Assert.Equal(1, exitCode);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("is running", stdout, StringComparison.Ordinal);
    }
}
