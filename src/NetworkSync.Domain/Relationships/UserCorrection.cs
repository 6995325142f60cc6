namespace NetworkSync.Domain.Relationships;

/// <summary>One user correction as the rules see it; <see cref="OtherAddress"/> is empty unless the kind names a pair.</summary>
public readonly record struct UserCorrection(ContactOverrideKind Kind, string Address, string OtherAddress);
