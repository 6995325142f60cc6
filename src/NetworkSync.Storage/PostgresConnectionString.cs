using System.Globalization;
using Npgsql;

namespace NetworkSync.Storage;

/// <summary>
/// Reads a PostgreSQL connection as people give it: a <c>postgresql://user[:password]@host[:port]/database[?params]</c>
/// URI (percent-decoded; <c>sslmode</c>, <c>connect_timeout</c> and <c>application_name</c> as libpq names them,
/// any other parameter as Npgsql names it) or an Npgsql connection string, and describes it without its password.
/// </summary>
public static class PostgresConnectionString
{
    private static readonly Dictionary<string, string> LibpqNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["user"] = "Username",
        ["dbname"] = "Database",
    };

    public static bool IsUri(string value) =>
        value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Npgsql connection string for <paramref name="value"/> (a URI or already a connection string).</summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IsUri(value) ? FromUri(value).ConnectionString : new NpgsqlConnectionStringBuilder(value).ConnectionString;
    }

    /// <summary>Why <paramref name="value"/> is no PostgreSQL connection, or null when it is one. Never repeats the value.</summary>
    public static string? Problem(string value)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(Normalize(value));
            return string.IsNullOrEmpty(builder.Host) ? "names no host" : null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException)
        {
            return IsUri(value)
                ? "not a valid postgresql://user[:password]@host[:port]/database URI (" + ex.Message + ")"
                : "not a valid Npgsql connection string (" + ex.Message + ")";
        }
    }

    /// <summary>host:port/database, for messages and the start-up banner: never the password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return string.Create(CultureInfo.InvariantCulture, $"{builder.Host}:{builder.Port}/{builder.Database}");
    }

    private static NpgsqlConnectionStringBuilder FromUri(string value)
    {
        var uri = new Uri(value, UriKind.Absolute);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.DnsSafeHost };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var setting = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            builder[LibpqNames.GetValueOrDefault(name, name)] = setting;
        }

        return builder;
    }
}
