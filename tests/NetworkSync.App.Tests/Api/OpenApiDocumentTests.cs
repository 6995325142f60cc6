using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkSync.App.Tests.Hosting;

namespace NetworkSync.App.Tests.Api;

/// <summary>
/// The add-in checks its API types against addin/test/openapi.v1.json (test/contract.test.ts); this
/// keeps that copy the document the real service serves. Regenerate it with scripts/update-openapi.sh.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private const string UpdateVariable = "NETWORKSYNC_UPDATE_OPENAPI";

    [Fact]
    public async Task The_add_ins_copy_of_the_openapi_document_is_the_one_the_service_serves()
    {
        var fixture = CliRunner.TempPath("openapi-fixture");
        Assert.Equal(0, (await CliRunner.RunAsync("demo-fixture", "--out", fixture, "--contacts", "40")).ExitCode);
        await using var service = await ServiceProcess.StartAsync(["--fixture", fixture, "--db", CliRunner.TempPath("openapi.db")], key: "openapi-test-key-0123456789", waitForHealthy: false);
        Assert.NotNull(await service.FirstOutputLine.WaitAsync(TimeSpan.FromMinutes(1)));

        var served = Normalise(await service.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var path = Path.Combine(RepositoryRoot(), "addin", "test", "openapi.v1.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.True(
            committed == served,
            $"addin/test/openapi.v1.json is not the document the service serves: run scripts/update-openapi.sh, then check the add-in's types (npm test in addin/).");
    }

    /// <summary>Indented, without the server address (a free port on every run), "\n" line endings.</summary>
    private static string Normalise(string document)
    {
        var root = JsonNode.Parse(document)!.AsObject();
        root.Remove("servers");
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetworkSync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NetworkSync.sln not found above " + AppContext.BaseDirectory);
    }
}
