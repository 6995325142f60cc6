using System.Text.Json.Serialization;

namespace NetworkSync.Application.Settings;

/// <summary>
/// GET /api/settings: the values in effect for the caller (their own choice, else Outlook's mailbox
/// settings, else configuration), and the addresses they muted or marked as a person (read-only here;
/// change them with /api/contacts/{address}/muted and /person). <see cref="SuggestAsIntroducer"/> is the caller's
/// consent to be named to colleagues as knowing someone (off unless they said yes); <see cref="OrganisationIntroductions"/>
/// says whether the administrator allows that at all (Introductions:Organisation:Enabled); and after how many days without an answer
/// the caller's mail is "waiting on them" on the network page (<see cref="WaitingDays"/>).
/// </summary>
public sealed record SettingsView(
    [property: JsonPropertyName("dormantDays")] int DormantDays,
    [property: JsonPropertyName("workingHours")] WorkingHoursView WorkingHours,
    [property: JsonPropertyName("todoEnabled")] bool TodoEnabled,
    [property: JsonPropertyName("muted")] IReadOnlyList<string> Muted,
    [property: JsonPropertyName("markedAsPerson")] IReadOnlyList<string> MarkedAsPerson,
    [property: JsonPropertyName("suggestAsIntroducer")] bool SuggestAsIntroducer,
    [property: JsonPropertyName("organisationIntroductions")] bool OrganisationIntroductions,
    [property: JsonPropertyName("waitingDays")] int WaitingDays);
