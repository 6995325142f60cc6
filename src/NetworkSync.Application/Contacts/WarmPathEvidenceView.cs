using System.Text.Json.Serialization;

namespace NetworkSync.Application.Contacts;

/// <summary>
/// The evidence of an introducer's tie to the target (cli.md, `intros`): messages naming both, meetings with
/// both, how many of those messages the introducer sent, and threads they brought the target into.
/// </summary>
public sealed record WarmPathEvidenceView(
    [property: JsonPropertyName("sharedMessages")] int SharedMessages,
    [property: JsonPropertyName("sharedMeetings")] int SharedMeetings,
    [property: JsonPropertyName("messagesFromThem")] int MessagesFromThem,
    [property: JsonPropertyName("threadsBroughtIn")] int ThreadsBroughtIn,
    [property: JsonPropertyName("firstTogether")] DateTimeOffset FirstTogether,
    [property: JsonPropertyName("lastTogether")] DateTimeOffset LastTogether);
