namespace NetworkSync.DemoData.Mail;

/// <summary>One entry of Graph's <c>internetMessageHeaders</c>.</summary>
internal sealed record MessageHeader(string Name, string Value);
