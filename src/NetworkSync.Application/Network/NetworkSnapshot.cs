namespace NetworkSync.Application.Network;

/// <summary>
/// What the network overview works out once per scoring (<see cref="NetworkOverviewService"/>): everything
/// but "waiting on them", whose threshold is a setting the user may change between two requests, so only
/// each person's two dates are kept for it.
/// </summary>
internal sealed record NetworkSnapshot(
    IReadOnlyList<NetworkMonthView> Months,
    IReadOnlyList<OrganisationView> Organisations,
    IReadOnlyList<NetworkPersonView> WeakTies,
    IReadOnlyList<NetworkPersonView> OwesReply,
    IReadOnlyList<WaitCandidate> WaitCandidates);
