namespace NetworkSync.Application.Common;

/// <summary>A failure the user can act on (missing file, unknown mailbox): the reason on stderr, exit 1, no stack trace.</summary>
public sealed class ExpectedFailureException(string message) : Exception(message);
