using NetworkSync.Application.Contacts;

namespace NetworkSync.App.Api;

/// <summary>What the merge-suggestion routes need, bound as one <c>[AsParameters]</c> bundle.</summary>
public sealed class MergeSuggestionServices(NetworkKnowledgeService knowledge, ContactCorrections corrections, TimeProvider time)
{
    public NetworkKnowledgeService Knowledge { get; } = knowledge;

    public ContactCorrections Corrections { get; } = corrections;

    public TimeProvider Time { get; } = time;
}
