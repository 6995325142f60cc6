namespace NetworkSync.Domain.Relationships;

/// <summary>Warmth in words (docs/relationship-model.md): hot ≥ 70, warm ≥ 40, cool ≥ 15, cold below.</summary>
public static class WarmthTier
{
    public const double Hot = 70;
    public const double Warm = 40;
    public const double Cool = 15;

    public static string Of(double warmth) => warmth >= Hot ? "hot" : warmth >= Warm ? "warm" : warmth >= Cool ? "cool" : "cold";
}
