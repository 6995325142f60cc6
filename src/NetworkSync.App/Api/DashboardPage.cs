using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using NetworkSync.App.Features.Contacts;
using NetworkSync.App.Hosting;
using NetworkSync.Storage;

namespace NetworkSync.App.Api;

/// <summary>
/// "/": a plain server-rendered overview (sync state, warmest contacts, dormant ones) until the
/// add-in issue brings the full dashboard. Every value is HTML-encoded.
/// </summary>
public static class DashboardPage
{
    public static void MapDashboard(this IEndpointRouteBuilder app) =>
        app.MapGet("/", async (SyncHealth health, MailboxStore mailboxes, ContactScoreCache contacts, TimeProvider time, CancellationToken ct) =>
        {
            var html = new StringBuilder();
            var enc = HtmlEncoder.Default;
            html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>NetworkSync</title>")
                .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse}td,th{padding:.25rem .75rem;text-align:left;border-bottom:1px solid #ddd}</style>")
                .Append("</head><body><h1>NetworkSync</h1>");
            if (!health.Ready)
            {
                html.Append("<p>The first sync is still running; refresh in a moment.</p>");
            }

            foreach (var mailbox in await mailboxes.ListMailboxesAsync(ct).ConfigureAwait(false))
            {
                html.Append(CultureInfo.InvariantCulture, $"<h2>{enc.Encode(mailbox.DisplayName ?? mailbox.Mail)} &lt;{enc.Encode(mailbox.Mail)}&gt;</h2>")
                    .Append(CultureInfo.InvariantCulture, $"<p>Last sync: {enc.Encode(mailbox.LastSyncStatus)}{(mailbox.LastSyncError is { } e ? " — " + enc.Encode(e) : string.Empty)}</p>");
                var list = await contacts.GetAsync(mailbox, time.GetUtcNow(), includeAutomated: false, ct).ConfigureAwait(false);
                html.Append("<h3>Warmest relationships</h3><table><tr><th>Contact</th><th>Warmth</th><th>Last contact</th><th>Sent / received / meetings</th></tr>");
                foreach (var c in list.Take(25))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{enc.Encode(c.DisplayName ?? c.Address)}<br><small>{enc.Encode(c.Address)}</small></td><td>{c.Warmth:0.0}</td><td>{c.LastContact:yyyy-MM-dd}</td><td>{c.Sent} / {c.Received} / {c.Meetings}</td></tr>");
                }

                html.Append("</table><h3>Haven't spoken in 6 months</h3><ul>");
                foreach (var c in list.Where(c => c.Dormant).Take(25))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li>{enc.Encode(c.DisplayName ?? c.Address)} — last contact {c.LastContact:yyyy-MM-dd}</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</body></html>");
            return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
        })
        .ExcludeFromDescription();
}
