namespace NetworkSync.Application;

/// <summary>
/// How this process runs: <see cref="Demo"/> when it serves the built-in emulator (demo or fixture)
/// rather than a tenant; <see cref="TodoAvailable"/> is false when there is no lasting To Do to write to
/// (a one-shot fixture sync, whose emulator dies with the run).
/// </summary>
public sealed record RunMode(bool Demo, bool TodoAvailable = true);
