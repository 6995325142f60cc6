using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkSync.App.Jobs;

namespace NetworkSync.App.Api;

/// <summary>/api/settings: the caller's dormant threshold, working hours and To Do write-back.</summary>
public static class SettingsEndpoints
{
    public static void MapSettings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings").WithTags("Settings");

        group.MapGet("/", async Task<Results<Ok<SettingsView>, ProblemHttpResult>> (CallerMailbox caller, UserSettingsService settings, CancellationToken ct) =>
        {
            var mailbox = await caller.ResolveAsync(ct).ConfigureAwait(false);
            return mailbox is null ? CallerMailbox.NoMailbox.Create() : TypedResults.Ok(await settings.GetAsync(mailbox, ct).ConfigureAwait(false));
        })
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithName("GetSettings")
        .WithSummary("The caller's settings in effect: their own choice, else Outlook's, else configuration; and their muted and marked-as-person addresses.");

        group.MapPut("/", async Task<Results<Ok<SettingsView>, ValidationProblem, ProblemHttpResult>> (
            SettingsUpdate? update, CallerMailbox caller, UserSettingsService settings, IBackgroundJobClient jobs, CancellationToken ct) =>
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

            var mailbox = await caller.ResolveAsync(ct).ConfigureAwait(false);
            if (mailbox is null)
            {
                return CallerMailbox.NoMailbox.Create();
            }

            var saved = await settings.UpdateAsync(mailbox, update, ct).ConfigureAwait(false);

            // Working hours move due times and To Do may have been switched: run the follow-ups now.
            jobs.Enqueue<FollowUpJob>(job => job.RunAsync(mailbox.Id, CancellationToken.None));
            return TypedResults.Ok(saved);
        })
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithName("UpdateSettings")
        .WithSummary("Stores the caller's own settings (fields left out keep their current choice) and answers the settings in effect.");
    }
}
