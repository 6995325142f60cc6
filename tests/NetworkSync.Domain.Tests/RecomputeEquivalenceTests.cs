using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.Tests;

/// <summary>
/// The cheaper full recompute gives the same answer, field for field, as the code before it was made
/// cheaper. The digests were computed by that code (commit f116572's NetworkSync.Domain) on the same
/// seeded mailboxes with <see cref="SummaryDigest"/>; any change to any score, reason, date, flag or
/// merge changes them. A change meant to move scores must say so and renew them.
/// </summary>
public sealed class RecomputeEquivalenceTests
{
    [Theory]
    [InlineData(1, 1474, "1DA60B6466A937A54176072EECAC80FC7B71A602CD35D7C379885052BA8FFAEE")]
    [InlineData(2, 1473, "083FFC0260F6ACF67D0A47EC75A8D50D11821C87DB31EADACD14CB3583EAE2F9")]
    [InlineData(3, 1473, "91F88084F0F5839120C0CD4ECA9EF88DEA77F0284D224807BFCB5A7BEF4DF594")]
    public void Every_summary_equals_the_one_before_the_speed_up(int seed, int people, string digest)
    {
        var data = SummaryDigest.Mailbox(seed, 60000, 1500);

        var summaries = ContactAggregator.Summarize(data, new HashSet<string>(StringComparer.Ordinal), SummaryDigest.AsOf, new RelationshipOptions());

        Assert.Equal(people, summaries.Count);
        Assert.Equal(digest, SummaryDigest.Of(summaries));
    }
}
