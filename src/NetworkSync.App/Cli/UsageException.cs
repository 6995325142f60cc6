namespace NetworkSync.App.Cli;

/// <summary>The command line itself is wrong: one line to stderr, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
