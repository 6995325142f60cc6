using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NetworkSync.App.Cli;
using NetworkSync.App.Hosting;
using NetworkSync.Application;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Context;
using NetworkSync.Application.FollowUps;
using NetworkSync.Application.Notifications;
using NetworkSync.Application.Privacy;
using NetworkSync.Application.Settings;
using NetworkSync.Application.Sync;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests.Hosting;

/// <summary>The one composition root (<see cref="CoreServiceRegistration.AddNetworkSyncCore"/>) as `serve`, the CLI and the tests use it.</summary>
public sealed class CompositionRootTests
{
    [Fact]
    public void The_core_resolves_every_service_it_registers_with_null_objects_for_what_a_host_adds()
    {
        var services = new ServiceCollection();
        services.AddNetworkSyncCore(Configuration(("Storage:DatabasePath", CliRunner.TempPath("core.db"))));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        foreach (var type in services.Select(d => d.ServiceType).Where(t => !t.IsGenericTypeDefinition).Distinct())
        {
            Assert.NotNull(provider.GetService(type));
        }

        Assert.IsType<NoJobScheduler>(provider.GetRequiredService<IJobScheduler>());
        Assert.IsType<NoMailboxSubscriptions>(provider.GetRequiredService<IMailboxSubscriptions>());
        Assert.Same(TokenCacheProtection.None, provider.GetRequiredService<TokenCacheProtection>());
        Assert.Same(provider.GetRequiredService<FollowUpPass>(), Assert.Single(provider.GetServices<IAfterMailboxSync>()));
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void A_hosts_own_clock_and_run_mode_win_and_one_instance_of_each_store_is_shared()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var mode = new RunMode(Demo: true, TodoAvailable: false);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(mode);
        services.AddNetworkSyncCore(Configuration(("Storage:DatabasePath", CliRunner.TempPath("core-host.db"))));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.Same(mode, provider.GetRequiredService<RunMode>());
        Assert.Same(provider.GetRequiredService<MailboxStore>(), provider.GetRequiredService<MailboxStore>());
        Assert.Same(provider.GetRequiredService<ContactListingService>().Models, provider.GetRequiredService<MailboxWarmthModels>());
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void Every_cli_verbs_services_resolve(bool demo, bool todoAvailable)
    {
        using var provider = CliServices.Create(CliRunner.TempPath("verb.db"), TimeProvider.System, new RunMode(demo, todoAvailable));

        // What the verbs take: sync (coordinator, follow-up pass), contacts and evaluate (listing), followups (pass, query).
        Assert.IsType<SqliteDatabase>(provider.GetRequiredService<NetworkSyncDatabase>());
        Assert.NotNull(provider.GetRequiredService<MailboxStore>());
        Assert.NotNull(provider.GetRequiredService<SyncCoordinator>());
        Assert.NotNull(provider.GetRequiredService<FollowUpPass>());
        Assert.NotNull(provider.GetRequiredService<FollowUpQuery>());
        Assert.NotNull(provider.GetRequiredService<ContactListingService>());
        Assert.Equal(new RunMode(demo, todoAvailable), provider.GetRequiredService<RunMode>());
    }

    [Fact]
    public void The_api_and_privacy_services_come_from_the_core()
    {
        var services = new ServiceCollection();
        services.AddNetworkSyncCore(Configuration(("Storage:DatabasePath", CliRunner.TempPath("core-api.db"))));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.NotNull(provider.GetRequiredService<PersonContextService>());
        Assert.NotNull(provider.GetRequiredService<ContactListQuery>());
        Assert.NotNull(provider.GetRequiredService<NetworkSync.Application.Settings.UserSettingsService>());
        Assert.NotNull(provider.GetRequiredService<PrivacyService>());
        Assert.NotNull(provider.GetRequiredService<MissingPermissions>());
    }

    [Fact]
    public void A_bad_value_in_configuration_fails_the_start_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddNetworkSyncCore(Configuration(("Storage:DatabasePath", CliRunner.TempPath("core-bad.db")), ("Privacy:RetentionDays", "-30")));
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Privacy:RetentionDays must be between 0 and 36500 days", failure.Message, StringComparison.Ordinal);
        Assert.Equal("configuration: " + failure.Message, InvalidConfiguration.From(failure)?.Message);
    }

    [Theory]
    [InlineData("Graph:PageSize", "5000", "Graph:PageSize must be between 1 and 1000")]
    [InlineData("Graph:MaxConcurrentRequestsPerMailbox", "8", "Graph:MaxConcurrentRequestsPerMailbox must be between 1 and 4")]
    [InlineData("Graph:BaseUrl", "not a url", "Graph:BaseUrl must be an absolute URL")]
    public void A_bad_graph_setting_fails_the_start_naming_it(string key, string value, string message)
    {
        var services = new ServiceCollection();
        services.AddNetworkSyncCore(Configuration(("Storage:DatabasePath", CliRunner.TempPath("core-bad-graph.db")), (key, value)));
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cli_verb_with_a_bad_value_in_configuration_exits_1_with_one_line_naming_the_setting()
    {
        var path = CliRunner.TempPath("bad-config.db");
        using (var database = new SqliteDatabase(new StorageOptions { DatabasePath = path }))
        {
            await database.MigrateAsync(CancellationToken.None);
        }

        var (exit, stdout, stderr) = await CliRunner.RunWithEnvironmentAsync(
            new Dictionary<string, string> { ["Privacy__RetentionDays"] = "-30" },
            "contacts", "--db", path, "--mailbox", "dana@contoso.example");

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("networksync: configuration: ", line, StringComparison.Ordinal);
        Assert.Contains("Privacy:RetentionDays must be between 0 and 36500 days", line, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
