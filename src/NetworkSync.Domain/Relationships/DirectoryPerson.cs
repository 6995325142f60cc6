namespace NetworkSync.Domain.Relationships;

/// <summary>
/// A person in the organisation's directory, as Graph lists them (<c>id</c>, <c>displayName</c>, every SMTP
/// entry of <c>proxyAddresses</c>): the strongest identity evidence there is, since all those addresses
/// deliver to one mailbox.
/// </summary>
public sealed record DirectoryPerson(string Id, string? DisplayName);
