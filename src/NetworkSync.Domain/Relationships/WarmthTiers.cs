namespace NetworkSync.Domain.Relationships;

/// <summary>Warmth in words (docs/relationship-model.md): hot ≥ 70, warm ≥ 40, cool ≥ 15, cold below.</summary>
public static class WarmthTiers
{
    public const double Hot = 70;
    public const double Warm = 40;
    public const double Cool = 15;

    public static WarmthTier Of(double warmth) => warmth >= Hot ? WarmthTier.Hot : warmth >= Warm ? WarmthTier.Warm : warmth >= Cool ? WarmthTier.Cool : WarmthTier.Cold;

    /// <summary>The name the API, the export and stored briefings use.</summary>
    public static string ToWire(this WarmthTier tier) => tier switch
    {
        WarmthTier.Hot => "hot",
        WarmthTier.Warm => "warm",
        WarmthTier.Cool => "cool",
        WarmthTier.Cold => "cold",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, null),
    };
}
