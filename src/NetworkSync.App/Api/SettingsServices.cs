using NetworkSync.App.Features.FollowUps;

namespace NetworkSync.App.Api;

/// <summary>What the settings routes need, bound as one <c>[AsParameters]</c> bundle.</summary>
public sealed class SettingsServices(UserSettingsService settings, IFollowUpPassScheduler followUpPasses)
{
    public UserSettingsService Settings { get; } = settings;

    public IFollowUpPassScheduler FollowUpPasses { get; } = followUpPasses;
}
