using NetworkSync.Application.Common;
using NetworkSync.Application.FollowUps;
using NetworkSync.Application.Settings;

namespace NetworkSync.App.Api;

/// <summary>What the settings routes need, bound as one <c>[AsParameters]</c> bundle.</summary>
public sealed class SettingsServices(UserSettingsService settings, IJobScheduler followUpPasses)
{
    public UserSettingsService Settings { get; } = settings;

    public IJobScheduler FollowUpPasses { get; } = followUpPasses;
}
