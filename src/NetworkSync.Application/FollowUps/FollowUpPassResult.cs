using NetworkSync.Application.FollowUps.Todo;

namespace NetworkSync.Application.FollowUps;

/// <summary>The outcome of one <see cref="FollowUpPass"/>: the rules' changes and, when it ran, the To Do pass.</summary>
public sealed record FollowUpPassResult(FollowUpRunSummary Rules, TodoSyncSummary? Todo);
