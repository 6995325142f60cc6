namespace NetworkSync.DemoData.Mail;

/// <summary>A display name and an SMTP address, Graph's <c>emailAddress</c>. Addresses are always lower case.</summary>
internal sealed record MailAddress(string Name, string Address);
