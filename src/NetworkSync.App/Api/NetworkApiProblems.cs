using Microsoft.AspNetCore.Http.HttpResults;

namespace NetworkSync.App.Api;

/// <summary>The Problem Details answers the caller-scoped API shares.</summary>
public static class NetworkApiProblems
{
    /// <summary>Long enough for any real address; longer input is cut in the answer so it never echoes a wall of text.</summary>
    private const int EchoLength = 100;

    public static ProblemHttpResult NotAnAddress(string? given) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Not an e-mail address",
        detail: $"'{Echo(given)}' is not an e-mail address.");

    public static ProblemHttpResult OwnAddress() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "That address is yours",
        detail: "The address is one of your own mailbox's; NetworkSync keeps no relationship with yourself.");

    public static string Echo(string? given) =>
        given is null ? string.Empty : given.Length <= EchoLength ? given : given[..EchoLength] + "…";
}
