namespace NetworkSync.DemoData.Cast;

/// <summary>Special positions some colleagues and clients hold; they anchor recurring meetings and broadcasts.</summary>
internal enum ContactRole
{
    None,
    Manager,
    DirectReport,
    TeamMate,
    ChiefExecutive,
    PeopleTeam,
    OfficeManager,
    KeyClient,
}
