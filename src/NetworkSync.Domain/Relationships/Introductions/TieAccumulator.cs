namespace NetworkSync.Domain.Relationships.Introductions;

/// <summary>Collects one possible introducer's evidence while <see cref="IntroductionFinder"/> reads the mailbox.</summary>
internal sealed class TieAccumulator
{
    private int shared;
    private int fromIntroducer;
    private int meetings;
    private int broughtIn;
    private double sharedStrength;
    private double fromStrength;
    private double otherStrength;
    private DateTimeOffset first = DateTimeOffset.MaxValue;
    private DateTimeOffset last = DateTimeOffset.MinValue;

    public DateTimeOffset FirstFromIntroducer { get; private set; } = DateTimeOffset.MaxValue;

    public void AddMessage(DateTimeOffset at, double weight, bool sentByThem)
    {
        shared++;
        sharedStrength += weight;
        if (sentByThem)
        {
            fromIntroducer++;
            fromStrength += weight;
            FirstFromIntroducer = at < FirstFromIntroducer ? at : FirstFromIntroducer;
        }

        Seen(at);
    }

    public void AddMeeting(DateTimeOffset at, double weight)
    {
        meetings++;
        otherStrength += weight;
        Seen(at);
    }

    public void AddBroughtIn(double weight)
    {
        broughtIn++;
        otherStrength += weight;
    }

    public TieEvidence ToEvidence(double fromIntroducerWeight) =>
        new(shared, fromIntroducer, meetings, broughtIn, first, last, sharedStrength + (fromIntroducerWeight * fromStrength) + otherStrength);

    private void Seen(DateTimeOffset at)
    {
        first = at < first ? at : first;
        last = at > last ? at : last;
    }
}
