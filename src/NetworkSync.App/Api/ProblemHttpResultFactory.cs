using Microsoft.AspNetCore.Http.HttpResults;

namespace NetworkSync.App.Api;

/// <summary>A Problem Details answer described once and produced where needed.</summary>
public sealed record ProblemHttpResultFactory(int Status, string Title, string Detail)
{
    public ProblemHttpResult Create() => TypedResults.Problem(statusCode: Status, title: Title, detail: Detail);
}
