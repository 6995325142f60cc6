namespace NetworkSync.GraphEmulator;

/// <summary>A fixture record that was skipped: the file, its index in the <c>value</c> array (-1 for the whole file) and why.</summary>
public sealed record FixtureProblem(string File, int Index, string Reason);
