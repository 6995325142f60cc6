using NetworkSync.Storage;
using Npgsql;

namespace NetworkSync.App.Tests.Storage;

/// <summary>`--db postgresql://...` (cli.md, "Databases") read into an Npgsql connection string.</summary>
public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void A_uri_gives_user_password_host_port_database_and_parameters_percent_decoded()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize(
            "postgresql://ns%20user:p%40ss%3Aw%2Fd@db.example.org:6543/network%2Dsync?sslmode=require&application_name=ns%20cli&Maximum%20Pool%20Size=7"));

        Assert.Equal(("ns user", "p@ss:w/d", "db.example.org", 6543, "network-sync"), (builder.Username, builder.Password, builder.Host, builder.Port, builder.Database));
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("ns cli", builder.ApplicationName);
        Assert.Equal(7, builder.MaxPoolSize);
    }

    [Fact]
    public void A_uri_without_password_or_port_takes_the_defaults_and_postgres_scheme_is_the_same()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize("postgres://someone@[::1]/db"));

        Assert.Equal(("someone", null, "::1", 5432, "db"), (builder.Username, builder.Password, builder.Host, builder.Port, builder.Database));
        Assert.True(PostgresConnectionString.IsUri("POSTGRESQL://x@y/z"));
        Assert.False(PostgresConnectionString.IsUri("data/networksync.db"));
    }

    [Fact]
    public void Describing_a_connection_never_shows_its_password()
    {
        var described = PostgresConnectionString.Describe(PostgresConnectionString.Normalize("postgresql://u:very-secret@127.0.0.1:5433/ns"));

        Assert.Equal("127.0.0.1:5433/ns", described);
    }

    [Theory]
    [InlineData("postgresql://u:very-secret@[broken/db", "not a valid postgresql://")]
    [InlineData("postgresql://u:very-secret@host/db?No%20Such%20Setting=1", "not a valid postgresql://")]
    public void A_bad_uri_is_described_without_repeating_it(string uri, string expected)
    {
        var problem = PostgresConnectionString.Problem(uri);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", problem, StringComparison.Ordinal);
    }
}
