using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using NetworkSync.Storage;
using static NetworkSync.App.Tests.Api.HandBuiltNetwork;

namespace NetworkSync.App.Tests.Api;

/// <summary>The route tables as a whole: every endpoint described in the OpenAPI document, and both override route sets telling one story.</summary>
public sealed class RouteTableTests(RouteTableHost host) : IClassFixture<RouteTableHost>
{
    [Fact]
    public async Task Every_mapped_endpoint_has_a_name_a_summary_and_a_tag_and_is_in_the_openapi_document()
    {
        using var document = JsonDocument.Parse(await host.Http.GetStringAsync("/openapi/v1.json"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => op.Value))
            .ToDictionary(op => op.GetProperty("operationId").GetString()!, op => op);
        var described = host.Endpoints.Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true }).ToList();

        // The tables map far more than a handful: an empty list would prove nothing.
        Assert.True(described.Count >= 40, $"only {described.Count} endpoints mapped");
        foreach (var endpoint in described)
        {
            var route = endpoint.RoutePattern.RawText;
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            Assert.False(string.IsNullOrWhiteSpace(name), $"{route} has no name");
            Assert.False(string.IsNullOrWhiteSpace(endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary), $"{name} has no summary");
            Assert.NotEmpty(endpoint.Metadata.GetMetadata<ITagsMetadata>()?.Tags ?? []);

            Assert.True(operations.TryGetValue(name!, out var operation), $"{name} ({route}) is not in the OpenAPI document");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{name} has no summary in the document");
            Assert.NotEqual(0, operation.GetProperty("tags").GetArrayLength());
            Assert.True(operation.GetProperty("responses").EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{name} documents no success answer");
        }

        Assert.Equal(described.Count, operations.Count);
    }

    [Fact]
    public async Task The_document_shows_what_callers_send_never_the_bound_services_or_the_caller()
    {
        using var document = JsonDocument.Parse(await host.Http.GetStringAsync("/openapi/v1.json"));
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList() : [];
                Assert.DoesNotContain("caller", parameters);
                Assert.DoesNotContain("services", parameters);
                if (operation.Name is "get" or "delete")
                {
                    Assert.False(operation.Value.TryGetProperty("requestBody", out _), $"{operation.Name} {path.Name} takes a body");
                }
            }
        }
    }

    [Fact]
    public async Task The_callers_and_the_mailbox_addressed_override_routes_agree_on_removing_a_pair()
    {
        var mailbox = Uri.EscapeDataString(FollowUps.FollowUpMailbox.Dana);
        var store = new ContactOverrideStore(host.Mailbox.Database);
        var ana = Uri.EscapeDataString(Ana);
        var ben = Uri.EscapeDataString(Ben);

        // Kept apart through the caller's route as (Ana, Ben), withdrawn through the mailbox's as (Ben, Ana).
        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.PutAsync($"/api/contacts/{ana}/apart/{ben}", null)).StatusCode);
        Assert.Contains(await store.ListAsync("u-dana", CancellationToken.None), o => o.Kind == "apart" && o.Address == Ana);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync($"/api/mailboxes/{mailbox}/contacts/{ben}/overrides/apart/{ana}")).StatusCode);
        Assert.DoesNotContain(await store.ListAsync("u-dana", CancellationToken.None), o => o.Kind == "apart");

        // Withdrawing what is not there is not an error on either route (docs/api.md: 204 whether or not anything changed).
        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync($"/api/mailboxes/{mailbox}/contacts/{ben}/overrides/apart/{ana}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync($"/api/contacts/{ana}/apart/{ben}")).StatusCode);

        // Both refuse a correction about the owner's own address.
        var own = Uri.EscapeDataString(FollowUps.FollowUpMailbox.Dana);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Http.PutAsync($"/api/contacts/{own}/muted", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Http.PutAsync($"/api/mailboxes/{mailbox}/contacts/{own}/overrides/muted", null)).StatusCode);
    }
}
