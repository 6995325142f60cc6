namespace NetworkSync.Domain.Relationships.Model;

/// <summary>The examples a mailbox gives itself (see <see cref="WarmthTrainingSetBuilder"/>) and the cutoffs they came from.</summary>
public sealed record WarmthTrainingSet(IReadOnlyList<DateTimeOffset> Cutoffs, IReadOnlyList<WarmthExample> Examples)
{
    public int Positives => Examples.Count(e => e.Label);

    /// <summary>Cutoffs at which someone was contacted afterwards: a cutoff without any teaches nothing.</summary>
    public int CutoffsWithPositives => Examples.Where(e => e.Label).Select(e => e.Cutoff).Distinct().Count();
}
