using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkSync.App.Hosting;
using NetworkSync.App.Hosting.Limits;
using NetworkSync.App.Hosting.Local;

namespace NetworkSync.App.Tests.Security;

/// <summary>
/// The service's own header and error-page middleware on a real Kestrel: a handler that throws gets a
/// 500 Problem Details that still carries the security headers (and no stack trace), and API answers
/// are never cached; an oversized request line or header block gets a 414 or 431 Problem Details, not
/// Kestrel's empty answer.
/// </summary>
public sealed class ErrorAnswerHeaderTests
{
    [Fact]
    public async Task A_500_keeps_the_security_headers_and_api_answers_say_no_store()
    {
        await using var app = await StartAsync();
        using var http = ClientOf(app);

        using var boom = await http.GetAsync("/api/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, boom.StatusCode);
        Assert.Equal("application/problem+json", boom.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("a bug", await boom.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("nosniff", boom.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors", boom.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", boom.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("no-store", boom.Headers.CacheControl?.ToString());

        using var fine = await http.GetAsync("/api/fine");
        Assert.Equal("no-store", fine.Headers.CacheControl?.ToString());
        await app.StopAsync();
    }

    [Fact]
    public async Task Oversized_request_lines_and_headers_get_problem_details_with_the_security_headers()
    {
        await using var app = await StartAsync();
        using var http = ClientOf(app);

        using var longUri = await http.GetAsync("/api/fine?q=" + new string('a', RequestHeadLimits.MaxRequestTarget));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, longUri.StatusCode);
        Assert.Equal("application/problem+json", longUri.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":414", await longUri.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("nosniff", longUri.Headers.GetValues("X-Content-Type-Options").Single());

        using var bigHeaders = new HttpRequestMessage(HttpMethod.Get, "/api/fine");
        bigHeaders.Headers.Add("X-Padding", new string('b', RequestHeadLimits.MaxHeaderBytes));
        using var tooLarge = await http.SendAsync(bigHeaders);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", tooLarge.Headers.GetValues("X-Content-Type-Options").Single());

        using var many = new HttpRequestMessage(HttpMethod.Get, "/api/fine");
        for (var i = 0; i <= RequestHeadLimits.MaxHeaderCount; i++)
        {
            many.Headers.Add($"X-Field-{i}", "v");
        }

        using var tooMany = await http.SendAsync(many);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, tooMany.StatusCode);

        using var fine = await http.GetAsync("/api/fine?q=" + new string('a', 1000));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        await app.StopAsync();
    }

    /// <summary>A bare Kestrel host with the service's header and error-page middleware and its request limits.</summary>
    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => RequestHeadLimits.RaiseKestrelLimitsToBackstop(kestrel.Limits));
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.UseHeadersAndErrorPages(SecurityHeaders.ContentSecurityPolicy([]));
        app.MapGet("/api/boom", string () => throw new InvalidOperationException("a bug"));
        app.MapGet("/api/fine", () => "fine");
        await app.StartAsync();
        return app;
    }

    private static HttpClient ClientOf(WebApplication app) =>
        new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
}
