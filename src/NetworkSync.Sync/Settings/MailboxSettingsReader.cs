using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;

namespace NetworkSync.Sync.Settings;

/// <summary>
/// Reads a mailbox's zone and working hours (<c>GET /users/{id}/mailboxSettings</c>, needs
/// MailboxSettings.Read). Missing consent is not an error: follow-ups then use the configured defaults.
/// </summary>
public static class MailboxSettingsReader
{
    public static async Task<OutlookWorkingHours?> ReadAsync(GraphServiceClient client, string mailboxId, CancellationToken cancellationToken)
    {
        try
        {
            var settings = await client.Users[mailboxId].MailboxSettings.GetAsync(
                config => config.QueryParameters.Select = ["timeZone", "workingHours"], cancellationToken).ConfigureAwait(false);
            if (settings is null)
            {
                return null;
            }

            var hours = settings.WorkingHours;
            var days = hours?.DaysOfWeek?.Where(d => d.HasValue).Select(d => Enum.Parse<DayOfWeek>(d!.Value.ToString(), ignoreCase: true)).ToList() ?? [];
            return new OutlookWorkingHours(
                hours?.TimeZone?.Name ?? settings.TimeZone,
                days,
                hours?.StartTime is { } start ? new TimeOnly(start.Hour, start.Minute) : null,
                hours?.EndTime is { } end ? new TimeOnly(end.Hour, end.Minute) : null);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 403 or 404)
        {
            return null;
        }
    }
}
