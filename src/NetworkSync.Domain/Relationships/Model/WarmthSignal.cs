namespace NetworkSync.Domain.Relationships.Model;

/// <summary>A family of features, as a reason names it.</summary>
public enum WarmthSignal
{
    YouWrite = 0,
    TheyWrite,
    Meetings,
    CopiedTogether,
    OneToOne,
    Recency,
    Rhythm,
    TwoWay,
}
