namespace NetworkSync.App.Cli;

/// <summary>What a verb accepts: options with values, bare flags, and which are required.</summary>
public sealed record CommandSpec(
    string Usage,
    IReadOnlySet<string> Options,
    IReadOnlySet<string> Flags,
    IReadOnlySet<string> Required,
    IReadOnlySet<string> PassThroughOptions);
