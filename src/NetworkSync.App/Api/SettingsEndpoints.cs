using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.Application.Settings;

namespace NetworkSync.App.Api;

/// <summary>/api/settings: the caller's dormant threshold, working hours and To Do write-back.</summary>
public static class SettingsEndpoints
{
    public static void MapSettings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings").WithTags("Settings").RequireCallerMailbox();

        group.MapGet("/", GetSettings)
            .WithName("GetSettings")
            .WithSummary("The caller's settings in effect: their own choice, else Outlook's, else configuration; and their muted and marked-as-person addresses.");
        group.MapPut("/", UpdateSettings)
            .WithName("UpdateSettings")
            .WithSummary("Stores the caller's own settings (fields left out keep their current choice) and answers the settings in effect.");
    }

    public static async Task<Ok<SettingsView>> GetSettings(Caller caller, [AsParameters] SettingsServices services, CancellationToken ct) =>
        TypedResults.Ok(await services.Settings.GetAsync(caller.Mailbox, ct).ConfigureAwait(false));

    public static async Task<Results<Ok<SettingsView>, ValidationProblem>> UpdateSettings(
        SettingsUpdate? update, Caller caller, [AsParameters] SettingsServices services, CancellationToken ct)
    {
        if (update is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = ["Send the settings as JSON, e.g. {\"dormantDays\": 120}."] });
        }

        var errors = UserSettingsService.Validate(update);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Check the settings");
        }

        var saved = await services.Settings.UpdateAsync(caller.Mailbox, update, ct).ConfigureAwait(false);

        // Working hours move due times and To Do may have been switched: run the follow-ups now.
        services.FollowUpPasses.QueueFollowUpPass(caller.Mailbox.Id);
        return TypedResults.Ok(saved);
    }
}
