using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkSync.App.Hosting;
using NetworkSync.App.Hosting.Local;

namespace NetworkSync.App.Tests.Security;

/// <summary>
/// The service's own header and error-page middleware on a real Kestrel: a handler that throws gets a
/// 500 Problem Details that still carries the security headers (and no stack trace), and API answers
/// are never cached.
/// </summary>
public sealed class ErrorAnswerHeaderTests
{
    [Fact]
    public async Task A_500_keeps_the_security_headers_and_api_answers_say_no_store()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        await using var app = builder.Build();
        app.UseHeadersAndErrorPages(SecurityHeaders.ContentSecurityPolicy([]));
        app.MapGet("/api/boom", string () => throw new InvalidOperationException("a bug"));
        app.MapGet("/api/fine", () => "fine");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

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
}
