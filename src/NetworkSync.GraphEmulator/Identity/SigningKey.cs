using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace NetworkSync.GraphEmulator;

/// <summary>
/// One RSA 2048 token signing key with a self-signed certificate around it, published the way Entra ID
/// publishes its keys: <c>kid</c> and <c>x5t</c> are the certificate's SHA-1 thumbprint (base64url), plus
/// <c>n</c>, <c>e</c> and the certificate in <c>x5c</c>. Only the key's parameters are kept, so nothing
/// here needs disposing and signing from several threads needs no lock (each signature imports the key).
/// </summary>
internal sealed class SigningKey
{
    private readonly RSAParameters _privateKey;

    private SigningKey(RSAParameters privateKey, string keyId, byte[] certificate)
    {
        _privateKey = privateKey;
        KeyId = keyId;
        Certificate = certificate;
    }

    public string KeyId { get; }

    /// <summary>The DER of the self-signed certificate.</summary>
    public byte[] Certificate { get; }

    public static SigningKey Create(string subject)
    {
        using var rsa = RSA.Create(2048);
        var now = DateTimeOffset.UtcNow;
        var request = new CertificateRequest(new X500DistinguishedName($"CN={subject}"), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));
        return new SigningKey(rsa.ExportParameters(includePrivateParameters: true), Base64Url.EncodeToString(certificate.GetCertHash()), certificate.RawData);
    }

    /// <summary>RS256: RSASSA-PKCS1-v1_5 with SHA-256.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        using var rsa = RSA.Create(_privateKey);
        return rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>Writes the public key as a JWK, with the <c>issuer</c> Entra attaches to its keys.</summary>
    public void WriteJwk(Utf8JsonWriter writer, string issuer)
    {
        writer.WriteStartObject();
        writer.WriteString("kty", "RSA");
        writer.WriteString("use", "sig");
        writer.WriteString("kid", KeyId);
        writer.WriteString("x5t", KeyId);
        writer.WriteString("n", Base64Url.EncodeToString(_privateKey.Modulus));
        writer.WriteString("e", Base64Url.EncodeToString(_privateKey.Exponent));
        writer.WriteStartArray("x5c");
        writer.WriteStringValue(Convert.ToBase64String(Certificate));
        writer.WriteEndArray();
        writer.WriteString("issuer", issuer);
        writer.WriteEndObject();
    }
}
