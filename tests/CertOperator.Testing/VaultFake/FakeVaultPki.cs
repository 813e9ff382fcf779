using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace CertOperator.Testing.VaultFake;

/// <summary>
/// A PKI secrets engine's signing, as documented for `sign/:name`: a root CA, an intermediate that signs, and
/// certificates carrying the CSR's key with the names the request body asks for (`common_name`, `alt_names`,
/// `ip_sans`, `uri_sans`), valid for `ttl`. Answers with `certificate`, `issuing_ca` and `ca_chain`.
/// </summary>
public sealed class FakeVaultPki : IDisposable
{
    private readonly ECDsa _intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public FakeVaultPki()
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        Root = CaRequest("CN=Fake Vault Root CA", rootKey).CreateSelfSigned(now.AddDays(-1), now.AddYears(2));
        var intermediate = CaRequest("CN=Fake Vault Intermediate CA", _intermediateKey);
        intermediate.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, true, false));
        using var issued = intermediate.Create(Root, now.AddDays(-1), now.AddYears(1), RandomNumberGenerator.GetBytes(16));
        Intermediate = issued.CopyWithPrivateKey(_intermediateKey);
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public string RootPem => Root.ExportCertificatePem() + "\n";

    /// <summary>Signs per the request body; a problem Vault reports as a 400 comes back as its message.</summary>
    public (JsonObject? Data, string? Error) Sign(JsonObject body)
    {
        CertificateRequest csr;
        try
        {
            csr = CertificateRequest.LoadSigningRequestPem(body["csr"]?.GetValue<string>() ?? "", HashAlgorithmName.SHA256);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return (null, "certificate request could not be parsed");
        }

        if (!TryTtl(body["ttl"]?.GetValue<string>(), out var ttl))
        {
            return (null, "error parsing ttl");
        }

        var commonName = body["common_name"]?.GetValue<string>() ?? "";
        var request = new CertificateRequest(commonName.Length > 0 ? new X500DistinguishedName($"CN={commonName}") : new X500DistinguishedName(""), csr.PublicKey, HashAlgorithmName.SHA256);
        var sans = new SubjectAlternativeNameBuilder();
        var any = false;
        foreach (var name in List(body, "alt_names"))
        {
            sans.AddDnsName(name);
            any = true;
        }

        foreach (var ip in List(body, "ip_sans"))
        {
            sans.AddIpAddress(IPAddress.Parse(ip));
            any = true;
        }

        foreach (var uri in List(body, "uri_sans"))
        {
            sans.AddUri(new Uri(uri));
            any = true;
        }

        if (body["exclude_cn_from_sans"]?.GetValue<string>() != "true" && commonName.Length > 0)
        {
            sans.AddDnsName(commonName);
            any = true;
        }

        if (any)
        {
            request.CertificateExtensions.Add(sans.Build());
        }

        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Intermediate, true, false));
        var now = DateTimeOffset.UtcNow;
        // A signature generator rather than the issuer certificate: the CSR's key may be RSA where the CA's is ECDSA.
        using var leaf = request.Create(Intermediate.SubjectName, X509SignatureGenerator.CreateForECDsa(_intermediateKey), now.AddSeconds(-30), now + ttl, RandomNumberGenerator.GetBytes(16));
        var intermediatePem = Intermediate.ExportCertificatePem();
        return (new JsonObject
        {
            ["certificate"] = leaf.ExportCertificatePem(),
            ["issuing_ca"] = intermediatePem,
            ["ca_chain"] = new JsonArray(intermediatePem, Root.ExportCertificatePem()),
            ["serial_number"] = leaf.SerialNumber,
            ["expiration"] = leaf.NotAfter.ToUniversalTime().Subtract(DateTime.UnixEpoch).TotalSeconds,
        }, null);
    }

    public void Dispose()
    {
        Root.Dispose();
        Intermediate.Dispose();
        _intermediateKey.Dispose();
    }

    private static CertificateRequest CaRequest(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static string[] List(JsonObject body, string field) =>
        (body[field]?.GetValue<string>() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Go duration strings as cert-manager sends them ("2160h0m0s"), or plain seconds.</summary>
    private static bool TryTtl(string? text, out TimeSpan ttl)
    {
        ttl = TimeSpan.FromDays(30);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var match = System.Text.RegularExpressions.Regex.Match(text, @"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$");
        if (long.TryParse(text, out var seconds))
        {
            ttl = TimeSpan.FromSeconds(seconds);
            return true;
        }

        if (!match.Success || text.Length == 0)
        {
            return false;
        }

        double Part(int i) => match.Groups[i].Success ? double.Parse(match.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        ttl = TimeSpan.FromHours(Part(1)) + TimeSpan.FromMinutes(Part(2)) + TimeSpan.FromSeconds(Part(3));
        return true;
    }
}
