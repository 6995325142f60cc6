using NetworkSync.DemoData;
using Emulator = NetworkSync.GraphEmulator.GraphEmulator;

namespace NetworkSync.App.Hosting;

/// <summary>What demo mode runs on: the in-process emulator, its demo mailbox and the trickle feeding it.</summary>
public sealed record DemoContext(Emulator Emulator, DemoTrickle Trickle, string MailboxId);
