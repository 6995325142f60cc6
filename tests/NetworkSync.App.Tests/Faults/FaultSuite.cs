namespace NetworkSync.App.Tests.Faults;

/// <summary>
/// The fault suite's tests run one after another (each already loads the machine with several processes), in the
/// `Faults` category: `dotnet test --filter Category=Faults` runs just them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultSuite
{
    public const string Name = "Faults";
}
