using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using Azure.Identity;

namespace NetworkSync.Sync.Authentication;

/// <summary>
/// A client-credentials <see cref="TokenCredential"/> for the Graph emulator's token endpoint.
/// Azure.Identity insists on an https authority, which a loopback emulator does not have, so this
/// speaks the same OAuth form post over http to loopback only.
/// </summary>
public sealed class EmulatorTokenCredential : TokenCredential, IDisposable
{
    private readonly HttpClient http;
    private readonly Uri tokenEndpoint;
    private readonly string clientId;
    private readonly string clientSecret;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim gate = new(1, 1);
    private AccessToken cached;

    public EmulatorTokenCredential(Uri tokenEndpoint, string clientId, string clientSecret, TimeProvider time, HttpMessageHandler? handler = null)
    {
        if (!tokenEndpoint.IsLoopback)
        {
            throw new ArgumentException("The emulator credential only talks to a loopback token endpoint.", nameof(tokenEndpoint));
        }

        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.time = time;
        http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (cached.Token is not null && cached.ExpiresOn - time.GetUtcNow() > TimeSpan.FromMinutes(2))
            {
                return cached;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = clientSecret,
                ["scope"] = string.Join(' ', requestContext.Scopes),
            });
            using var response = await http.PostAsync(tokenEndpoint, form, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new AuthenticationFailedException($"The emulator's token endpoint answered {(int)response.StatusCode}.");
            }

            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken).ConfigureAwait(false)
                ?? throw new AuthenticationFailedException("The emulator's token endpoint returned no token.");
            cached = new AccessToken(body.AccessToken, time.GetUtcNow().AddSeconds(body.ExpiresIn));
            return cached;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        http.Dispose();
        gate.Dispose();
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
