namespace NetworkSync.Domain.FollowUps;

/// <summary>Runs every follow-up rule over one mailbox and plans the changes: pure, so tests drive the clock.</summary>
public static class FollowUpEngine
{
    public static IReadOnlyList<FollowUpRecord> Run(FollowUpInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var directory = new ContactDirectory(inputs.Contacts, inputs.Owner);
        var outbound = new OutboundMailIndex(inputs.Messages, inputs.Owner);
        var candidates = AfterMeetingRule.Evaluate(inputs, directory, outbound)
            .Concat(BeforeMeetingRule.Evaluate(inputs, directory))
            .Concat(ReconnectRule.Evaluate(inputs, directory));
        return FollowUpPlanner.Plan(inputs.MailboxId, inputs.Existing, candidates, inputs.AsOf);
    }
}
