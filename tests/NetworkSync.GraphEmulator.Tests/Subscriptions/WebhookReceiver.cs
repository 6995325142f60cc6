using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace NetworkSync.GraphEmulator.Tests.Subscriptions;

/// <summary>How the receiver answers a validation request on one path.</summary>
public enum ValidationAnswer
{
    EchoToken,
    EchoTokenWithNewline,
    WrongToken,
    ServerError,
    Slow,
    RedirectToEcho,
}

/// <summary>A validation request as the receiver saw it.</summary>
internal sealed record ValidationRequest(string Path, string Method, string? ContentType, long BodyLength, string Token);

/// <summary>A notification POST as the receiver saw it, with the status it answered.</summary>
internal sealed record ReceivedPost(string Path, string? ContentType, JsonObject Body, int Status)
{
    public IReadOnlyList<JsonObject> Items => [.. Body["value"]!.AsArray().Select(n => n!.AsObject())];
}

/// <summary>
/// A webhook endpoint on loopback (Kestrel, port 0), as the service will run one: answers Graph's validation
/// handshake the way a test asks (per path), records notification POSTs and can fail or delay them.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ValidationAnswer> _validation = new(StringComparer.Ordinal);
    private readonly List<ValidationRequest> _validations = [];
    private readonly List<ReceivedPost> _posts = [];
    private int _failNext;
    private int _slowNext;
    private bool _disposed;

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>How long <see cref="ValidationAnswer.Slow"/> and <see cref="NotificationDelay"/> wait.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Delay before answering each notification POST.</summary>
    public TimeSpan NotificationDelay { get; set; }

    /// <summary>The next N notification POSTs are answered 500 (still recorded).</summary>
    public int FailNextNotifications
    {
        get => Volatile.Read(ref _failNext);
        set => Volatile.Write(ref _failNext, value);
    }

    /// <summary>The next N notification POSTs are recorded at once (as 202) and answered only after <see cref="SlowDelay"/>.</summary>
    public int SlowNextNotifications
    {
        get => Volatile.Read(ref _slowNext);
        set => Volatile.Write(ref _slowNext, value);
    }

    public IReadOnlyList<ValidationRequest> Validations
    {
        get
        {
            lock (_gate)
            {
                return [.. _validations];
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    public Uri Url(string path = "notify") => new(BaseAddress, path);

    public void Answer(string path, ValidationAnswer answer)
    {
        lock (_gate)
        {
            _validation[path] = answer;
        }
    }

    /// <summary>Notification POSTs received on <paramref name="path"/> (all answers, failed ones too).</summary>
    public IReadOnlyList<ReceivedPost> Posts(string path = "notify")
    {
        lock (_gate)
        {
            return [.. _posts.Where(p => p.Path == path)];
        }
    }

    /// <summary>Items of the notification POSTs on <paramref name="path"/> that were answered 2xx, in arrival order.</summary>
    public IReadOnlyList<JsonObject> Delivered(string path = "notify") =>
        [.. Posts(path).Where(p => p.Status is >= 200 and < 300).SelectMany(p => p.Items)];

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value!.TrimStart('/');
        if (http.Request.Query.TryGetValue("validationToken", out var tokenValues))
        {
            await AnswerValidationAsync(http, path, tokenValues.ToString());
            return;
        }

        var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        if (Interlocked.Decrement(ref _slowNext) >= 0)
        {
            lock (_gate)
            {
                _posts.Add(new ReceivedPost(path, http.Request.ContentType, body, 202));
            }

            await Task.Delay(SlowDelay, CancellationToken.None);
            http.Response.StatusCode = 202;
            return;
        }

        Interlocked.Increment(ref _slowNext);
        if (NotificationDelay > TimeSpan.Zero)
        {
            await Task.Delay(NotificationDelay, http.RequestAborted);
        }

        var status = Interlocked.Decrement(ref _failNext) >= 0 ? 500 : 202;
        if (status == 202)
        {
            Interlocked.Increment(ref _failNext);
        }

        lock (_gate)
        {
            _posts.Add(new ReceivedPost(path, http.Request.ContentType, body, status));
        }

        http.Response.StatusCode = status;
    }

    private async Task AnswerValidationAsync(HttpContext http, string path, string token)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        ValidationAnswer answer;
        lock (_gate)
        {
            _validations.Add(new ValidationRequest(path, http.Request.Method, http.Request.ContentType, buffer.Length, token));
            answer = _validation.GetValueOrDefault(path);
        }

        http.Response.ContentType = "text/plain";
        switch (answer)
        {
            case ValidationAnswer.EchoToken:
                await http.Response.WriteAsync(token);
                break;
            case ValidationAnswer.EchoTokenWithNewline:
                await http.Response.WriteAsync(token + "\n");
                break;
            case ValidationAnswer.WrongToken:
                await http.Response.WriteAsync(token + "x");
                break;
            case ValidationAnswer.ServerError:
                http.Response.StatusCode = 500;
                await http.Response.WriteAsync(token);
                break;
            case ValidationAnswer.Slow:
                await Task.Delay(SlowDelay, http.RequestAborted);
                await http.Response.WriteAsync(token);
                break;
            case ValidationAnswer.RedirectToEcho:
                // A redirect to a path that would pass: Graph does not follow it, so validation fails.
                http.Response.StatusCode = 307;
                http.Response.Headers.Location = new Uri(BaseAddress, $"echo?validationToken={Uri.EscapeDataString(token)}").ToString();
                break;
        }
    }
}
