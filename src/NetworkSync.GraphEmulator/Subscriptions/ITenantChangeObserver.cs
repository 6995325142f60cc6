using NetworkSync.GraphEmulator.Storage;

namespace NetworkSync.GraphEmulator.Subscriptions;

/// <summary>
/// Told about every message and event change made through <see cref="EmulatorTenant"/>'s mutations, right
/// after the change, on the mutating thread: it must only queue work. Fixture loading bypasses it.
/// </summary>
internal interface ITenantChangeObserver
{
    void MessageChanged(string userId, MessageChange change);

    void EventChanged(string userId, string eventId, ChangeTypes change, long sequence);
}
