namespace NetworkSync.Application.Contacts;

/// <summary>The configuration section binding <see cref="Domain.Relationships.RelationshipOptions"/> (a Domain type, which knows no configuration).</summary>
public static class RelationshipsSection
{
    public const string Name = "Relationships";
}
