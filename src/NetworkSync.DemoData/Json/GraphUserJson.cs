using System.Text.Json;
using NetworkSync.DemoData.Identity;

namespace NetworkSync.DemoData.Json;

/// <summary>Writes the owner in Graph's <c>user</c> shape, with the alias in <c>proxyAddresses</c>.</summary>
internal static class GraphUserJson
{
    public static void Write(Utf8JsonWriter writer, MailboxOwner owner)
    {
        writer.WriteStartObject();
        writer.WriteString("id", owner.Id);
        writer.WriteString("displayName", owner.DisplayName);
        writer.WriteString("givenName", MailboxOwner.GivenName);
        writer.WriteString("surname", MailboxOwner.Surname);
        writer.WriteString("mail", owner.Primary.Address);
        writer.WriteString("userPrincipalName", owner.Primary.Address);
        writer.WriteString("jobTitle", "Head of Product");
        writer.WriteString("officeLocation", "London");
        writer.WriteString("preferredLanguage", "en-GB");
        writer.WriteStartArray("businessPhones");
        writer.WriteEndArray();
        writer.WriteStartArray("proxyAddresses");
        // Upper-case SMTP marks the primary address, lower-case smtp an alias: Exchange's convention.
        writer.WriteStringValue("SMTP:" + owner.Primary.Address);
        writer.WriteStringValue("smtp:" + owner.Alias.Address);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
