namespace NetworkSync.DemoData.Tests;

/// <summary>Tests that read the default mailbox share one copy of it; generating it once keeps the suite fast.</summary>
[CollectionDefinition(Name)]
public sealed class DefaultMailbox : ICollectionFixture<DefaultMailboxFixture>
{
    public const string Name = "default mailbox";
}

/// <summary>The mailbox written with default options.</summary>
public sealed class DefaultMailboxFixture() : GeneratedFixture(new DemoMailboxOptions());
