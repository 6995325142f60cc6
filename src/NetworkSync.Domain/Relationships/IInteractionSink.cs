namespace NetworkSync.Domain.Relationships;

/// <summary>What folds interactions in one at a time: a person's summary and the features at an earlier time share one feed.</summary>
internal interface IInteractionSink
{
    void Add(in Interaction interaction);
}
