using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.Tests.Relationships;

public sealed class WarmthTierTests
{
    [Theory]
    [InlineData(100, WarmthTier.Hot, "hot")]
    [InlineData(70, WarmthTier.Hot, "hot")]
    [InlineData(69.99, WarmthTier.Warm, "warm")]
    [InlineData(40, WarmthTier.Warm, "warm")]
    [InlineData(15, WarmthTier.Cool, "cool")]
    [InlineData(14.99, WarmthTier.Cold, "cold")]
    [InlineData(0, WarmthTier.Cold, "cold")]
    public void Warmth_falls_in_its_tier_under_its_wire_name(double warmth, WarmthTier tier, string wire)
    {
        Assert.Equal(tier, WarmthTiers.Of(warmth));
        Assert.Equal(wire, tier.ToWire());
    }
}
