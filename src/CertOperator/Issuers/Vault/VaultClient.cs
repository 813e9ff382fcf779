using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Issuers;
using CertOperator.Issuers.Vault.Wire;

namespace CertOperator.Issuers.Vault;

/// <summary>
/// A logged-in Vault client for one issuer, made afresh for every signing and every issuer check as cert-manager
/// does: TLS from `caBundle`/`caBundleSecretRef` and `clientCertSecretRef`/`clientKeySecretRef`, then a token.
/// </summary>
internal sealed class VaultClient : IDisposable
{
    private readonly VaultConnection _connection;
    private readonly string _token;
    private readonly string? _namespace;

    private VaultClient(VaultConnection connection, string token, string? ns) => (_connection, _token, _namespace) = (connection, token, ns);

    /// <summary>Connects and logs in; <paramref name="secretNamespace"/> is where the issuer's Secrets live.</summary>
    public static async Task<VaultClient> ConnectAsync(
        IIssuerObject issuer, string secretNamespace, IVaultKubernetes kube, IVaultTransportFactory transports, CancellationToken ct)
    {
        var vault = issuer.Spec.Vault!;
        if (!Uri.TryCreate(vault.Server, UriKind.Absolute, out var server) || server.Scheme is not ("https" or "http"))
        {
            throw new VaultException(VaultFailure.Init, $"spec.vault.server: \"{vault.Server}\" is not an http(s) URL, e.g. https://vault.example.com:8200");
        }

        var secrets = new VaultSecretReader(kube, secretNamespace);
        var tls = new VaultTls(await CaBundleAsync(issuer, secrets, ct), await ClientCertificateAsync(issuer, secrets, ct), vault.ServerName);
        var connection = new VaultConnection(server, tls, transports.Create(server, tls), secrets);
        try
        {
            var token = await new VaultLogin(kube, transports).TokenAsync(issuer, connection, ct);
            return new VaultClient(connection, token, vault.Namespace);
        }
        catch
        {
            connection.Transport.Dispose();
            tls.ClientCertificate?.Dispose();
            throw;
        }
    }

    /// <summary>Null when Vault is initialized and unsealed; asked outside any Vault namespace, as cert-manager does.</summary>
    public async Task<string?> HealthProblemAsync(CancellationToken ct)
    {
        var reply = await _connection.Transport.SendAsync(new VaultCall(HttpMethod.Get, VaultPaths.Health), ct);
        return VaultHealth.Problem(reply.Status, reply.Body);
    }

    /// <summary>Posts the CSR to the issuer's sign path and builds chain and CA from the answer.</summary>
    public async Task<SignedCertificate> SignAsync(string path, VaultSignRequest request, CancellationToken ct)
    {
        var signPath = VaultPaths.Sign(path);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, VaultJsonContext.Default.VaultSignRequest);
        var reply = await _connection.Transport.SendAsync(new VaultCall(HttpMethod.Post, signPath, body, _token, _namespace), ct);
        if (!reply.Ok)
        {
            throw new VaultException(VaultFailure.Sign, $"failed to sign certificate by vault: POST {signPath}: {VaultErrorText.Describe(reply.Status, reply.Body)}");
        }

        VaultSignResponse? answer;
        try
        {
            answer = JsonSerializer.Deserialize(reply.Body, VaultJsonContext.Default.VaultSignResponse);
        }
        catch (JsonException e)
        {
            throw new VaultException(VaultFailure.Sign, $"failed to decode response returned by vault: {e.Message}", e);
        }

        var chain = VaultCertificateChain.From(answer?.Data);
        return chain.Ok ? chain.Value : throw new VaultException(VaultFailure.Sign, chain.Error.Message);
    }

    public void Dispose()
    {
        _connection.Transport.Dispose();
        _connection.Tls.ClientCertificate?.Dispose();
    }

    private static async Task<string?> CaBundleAsync(IIssuerObject issuer, VaultSecretReader secrets, CancellationToken ct)
    {
        var vault = issuer.Spec.Vault!;
        if (!string.IsNullOrEmpty(vault.CaBundle))
        {
            try
            {
                return WithCertificates(Encoding.ASCII.GetString(Convert.FromBase64String(vault.CaBundle)), "spec.vault.caBundle");
            }
            catch (FormatException e)
            {
                throw new VaultException(VaultFailure.Init, "spec.vault.caBundle: failed to load vault CA bundle: not base64", e);
            }
        }

        return vault.CaBundleSecretRef is { } reference
            ? WithCertificates(await secrets.ReadAsync(reference, "ca.crt", "spec.vault.caBundleSecretRef", ct), "spec.vault.caBundleSecretRef")
            : null;
    }

    private static string WithCertificates(string pem, string field)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new VaultException(VaultFailure.Init, $"{field}: failed to load vault CA bundle: {e.Message}", e);
        }

        var count = certificates.Count;
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }

        return count > 0 ? pem : throw new VaultException(VaultFailure.Init, $"{field}: no Vault CA bundles loaded, check bundle contents");
    }

    private static async Task<X509Certificate2?> ClientCertificateAsync(
        IIssuerObject issuer, VaultSecretReader secrets, CancellationToken ct)
    {
        var vault = issuer.Spec.Vault!;
        if (vault.ClientCertSecretRef is not { } cert || vault.ClientKeySecretRef is not { } key)
        {
            return null;
        }

        return await secrets.ReadClientCertificateAsync(
            (cert.Name, string.IsNullOrEmpty(cert.Key) ? "tls.crt" : cert.Key, "spec.vault.clientCertSecretRef"),
            (key.Name, string.IsNullOrEmpty(key.Key) ? "tls.key" : key.Key, "spec.vault.clientKeySecretRef"),
            ct);
    }
}
