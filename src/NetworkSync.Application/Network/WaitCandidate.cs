using NetworkSync.Domain.Relationships;

namespace NetworkSync.Application.Network;

/// <summary>A person the user last wrote to (asking, in To) at <see cref="OwnerLatest"/>, and their latest mail since any time.</summary>
internal readonly record struct WaitCandidate(ContactSummary Person, DateTimeOffset OwnerLatest, DateTimeOffset? TheirLatest);
