namespace NetworkSync.DemoData.Truth;

/// <summary>One entry of <c>planted-truth.json</c>'s <c>contacts</c>.</summary>
internal sealed record ContactTruth(
    string Address,
    string DisplayName,
    string Kind,
    double Strength,
    bool Automated,
    bool Dormant,
    bool Cooling,
    IReadOnlyList<string> OtherAddresses,
    DateTimeOffset? LastContact);
