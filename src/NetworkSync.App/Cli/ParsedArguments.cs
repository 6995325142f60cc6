using System.Globalization;

namespace NetworkSync.App.Cli;

/// <summary>
/// A verb and its options, parsed by hand so that every mistake gets one precise line
/// ("--as-of: '2026-13-01' is not an ISO-8601 date") and exit code 2, as the CLI contract asks.
/// </summary>
public sealed class ParsedArguments
{
    private readonly Dictionary<string, string> values;
    private readonly HashSet<string> flags;

    private ParsedArguments(string verb, Dictionary<string, string> values, HashSet<string> flags, IReadOnlyList<string> passThrough)
    {
        Verb = verb;
        this.values = values;
        this.flags = flags;
        PassThrough = passThrough;
    }

    public string Verb { get; }

    /// <summary>Arguments handed on unchanged to ASP.NET Core (for example --urls).</summary>
    public IReadOnlyList<string> PassThrough { get; }

    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlyDictionary<string, CommandSpec> commands)
    {
        var verb = "serve";
        var start = 0;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            verb = args[0];
            start = 1;
        }

        if (!commands.TryGetValue(verb, out var spec))
        {
            throw new UsageException($"unknown command '{verb}'; expected one of: {string.Join(", ", commands.Keys)}");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var passThrough = new List<string>();
        for (var i = start; i < args.Count; i++)
        {
            var arg = args[i];
            string name;
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                name = arg[..eq];
                inline = arg[(eq + 1)..];
            }
            else
            {
                name = arg;
            }

            if (spec.Flags.Contains(name))
            {
                flags.Add(name);
            }
            else if (spec.Options.Contains(name) || spec.PassThroughOptions.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{name} needs a value"));
                if (spec.PassThroughOptions.Contains(name))
                {
                    passThrough.Add(name);
                    passThrough.Add(value);
                }

                values[name] = value;
            }
            else if (name is "--help" or "-h")
            {
                flags.Add("--help");
            }
            else
            {
                throw new UsageException($"{verb}: unknown option '{arg}'");
            }
        }

        var parsed = new ParsedArguments(verb, values, flags, passThrough);
        if (!parsed.Has("--help"))
        {
            foreach (var required in spec.Required)
            {
                if (!values.ContainsKey(required) && !flags.Contains(required))
                {
                    throw new UsageException($"{verb}: {required} is required");
                }
            }
        }

        return parsed;
    }

    public string? Get(string name) => values.GetValueOrDefault(name);

    public bool Has(string name) => flags.Contains(name) || values.ContainsKey(name);

    /// <summary>Reads an ISO-8601 instant; a value without an offset is taken as UTC.</summary>
    public DateTimeOffset? GetInstant(string name)
    {
        if (Get(name) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        throw new UsageException($"{name}: '{text}' is not an ISO-8601 date or time");
    }
}
