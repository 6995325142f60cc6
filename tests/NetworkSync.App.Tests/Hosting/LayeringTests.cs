using System.Reflection;
using NetworkSync.Application;

namespace NetworkSync.App.Tests.Hosting;

/// <summary>
/// The layers docs/architecture.md draws, checked on the compiled assemblies: the domain references nothing
/// of ours, and the application core none of the host's frameworks (ASP.NET Core, Hangfire) nor the demo's
/// emulator and generator, so a use case can never reach for HTTP or a job queue.
/// </summary>
public sealed class LayeringTests
{
    [Fact]
    public void The_domain_references_only_the_runtime()
    {
        var references = Names(typeof(Domain.Relationships.ContactSummary).Assembly);

        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", $"the domain references {name}"));
    }

    [Fact]
    public void The_application_core_references_no_web_framework_job_system_or_demo_code()
    {
        var references = Names(typeof(CoreServiceRegistration).Assembly);

        Assert.Contains("NetworkSync.Domain", references);
        Assert.Contains("NetworkSync.Storage", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Hangfire", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name is "NetworkSync.App" or "networksync" or "NetworkSync.GraphEmulator" or "NetworkSync.DemoData");

        // Data Protection (the token cache's encryption) is a library of its own; the web framework is not allowed.
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && !name.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal));
    }

    private static List<string> Names(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
}
