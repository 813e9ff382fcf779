using System.Text.Json;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Issuers.Vault;
using CertOperator.Issuers.Vault.Wire;

namespace CertOperator.Issuers.Vault;

/// <summary>
/// Obtains a Vault token the way the issuer's `auth` says, as cert-manager does on every client it makes: a token
/// read from a Secret, or a fresh login (AppRole, Kubernetes, TLS certificate) each time, so no token is cached.
/// </summary>
internal sealed class VaultLogin(IVaultKubernetes kube, IVaultTransportFactory transports)
{
    /// <summary>cert-manager asks for 10-minute ServiceAccount tokens; Vault only needs one for the login.</summary>
    public static readonly TimeSpan ServiceAccountTokenLifetime = TimeSpan.FromMinutes(10);

    public const string DefaultTokenKey = "token";

    public async Task<string> TokenAsync(IIssuerObject issuer, VaultConnection connection, CancellationToken ct)
    {
        var vault = issuer.Spec.Vault!;
        var auth = vault.Auth;
        if (auth.TokenSecretRef is { } tokenRef)
        {
            return (await connection.Secrets.ReadAsync(tokenRef, DefaultTokenKey, "spec.vault.auth.tokenSecretRef", ct)).Trim();
        }

        if (auth.AppRole is { } appRole)
        {
            var secretId = (await connection.Secrets.ReadAsync(appRole.SecretRef, "", "spec.vault.auth.appRole.secretRef", ct)).Trim();
            var body = new AppRoleLoginRequest { RoleId = appRole.RoleId.Trim(), SecretId = secretId };
            return await LoginAsync(connection.Transport, VaultPaths.AppRoleLogin(appRole.Path), Json(body, VaultJsonContext.Default.AppRoleLoginRequest),
                vault.Namespace, "error logging in to Vault server", ct);
        }

        if (auth.ClientCertificate is { } certificate)
        {
            return await CertificateLoginAsync(vault, certificate, connection, ct);
        }

        if (auth.Kubernetes is { } kubernetes)
        {
            var jwt = await ServiceAccountJwtAsync(issuer, kubernetes, connection, ct);
            var body = new KubernetesLoginRequest { Role = kubernetes.Role, Jwt = jwt };
            return await LoginAsync(connection.Transport, VaultPaths.KubernetesLogin(kubernetes.MountPath), Json(body, VaultJsonContext.Default.KubernetesLoginRequest),
                vault.Namespace, "while requesting a Vault token using the Kubernetes auth: error calling Vault server", ct);
        }

        throw new VaultException(VaultFailure.Init, auth.Aws is not null
            ? "spec.vault.auth.aws: CertOperator does not log in to Vault with AWS IAM; use tokenSecretRef, appRole, kubernetes or clientCertificate"
            : "spec.vault.auth: unable to load credentials. One of: tokenSecretRef, appRole, clientCertificate or kubernetes must be set");
    }

    /// <summary>
    /// The audiences cert-manager puts on a requested ServiceAccount token: the ones the user lists, then
    /// `vault://&lt;namespace&gt;/&lt;issuer&gt;` (`vault://&lt;clusterissuer&gt;`) and the Vault server address.
    /// </summary>
    public static IReadOnlyList<string> Audiences(IIssuerObject issuer, IEnumerable<string>? extra)
    {
        var ns = issuer.Metadata.NamespaceProperty;
        var own = $"vault://{(string.IsNullOrEmpty(ns) ? "" : ns + "/")}{issuer.Metadata.Name}";
        return [.. extra ?? [], own, issuer.Spec.Vault!.Server];
    }

    private async Task<string> ServiceAccountJwtAsync(IIssuerObject issuer, VaultKubernetesAuth kubernetes, VaultConnection connection, CancellationToken ct)
    {
        if (kubernetes.SecretRef is { Name.Length: > 0 } secretRef)
        {
            return await connection.Secrets.ReadAsync(secretRef, DefaultTokenKey, "spec.vault.auth.kubernetes.secretRef", ct);
        }

        var account = kubernetes.ServiceAccountRef!.Name;
        var ns = connection.Secrets.Namespace;
        try
        {
            return await kube.RequestTokenAsync(ns, account, Audiences(issuer, kubernetes.ServiceAccountRef.Audiences), ServiceAccountTokenLifetime, ct);
        }
        catch (Exception e) when (e is Kubernetes.Client.KubernetesApiException or VaultException)
        {
            throw new VaultException(VaultFailure.Init,
                $"while requesting a Vault token using the Kubernetes auth: while requesting a token for the service account {ns}/{account} " +
                $"(spec.vault.auth.kubernetes.serviceAccountRef; the operator needs create on serviceaccounts/token for it): {e.Message}", e);
        }
    }

    private async Task<string> CertificateLoginAsync(VaultIssuer vault, VaultClientCertificateAuth certificate, VaultConnection connection, CancellationToken ct)
    {
        var body = Json(new CertificateLoginRequest { Name = certificate.Name ?? "" }, VaultJsonContext.Default.CertificateLoginRequest);
        var path = VaultPaths.CertificateLogin(certificate.MountPath);
        const string What = "error calling Vault server";
        if (string.IsNullOrEmpty(certificate.SecretName))
        {
            return await LoginAsync(connection.Transport, path, body, vault.Namespace, What, ct);
        }

        var field = "spec.vault.auth.clientCertificate.secretName";
        using var client = await connection.Secrets.ReadClientCertificateAsync(
            (certificate.SecretName, "tls.crt", field), (certificate.SecretName, "tls.key", field), ct);
        using var transport = transports.Create(connection.Server, connection.Tls with { ClientCertificate = client });
        return await LoginAsync(transport, path, body, vault.Namespace, What, ct);
    }

    private static async Task<string> LoginAsync(IVaultTransport transport, string path, byte[] body, string? ns, string what, CancellationToken ct)
    {
        var reply = await transport.SendAsync(new VaultCall(HttpMethod.Post, path, body, Namespace: ns), ct);
        if (!reply.Ok)
        {
            throw new VaultException(VaultFailure.Init, $"{what}: POST {path}: {VaultErrorText.Describe(reply.Status, reply.Body)}");
        }

        VaultLoginResponse? login;
        try
        {
            login = JsonSerializer.Deserialize(reply.Body, VaultJsonContext.Default.VaultLoginResponse);
        }
        catch (JsonException e)
        {
            throw new VaultException(VaultFailure.Init, $"{what}: POST {path}: unable to decode JSON payload: {e.Message}", e);
        }

        return login?.Auth?.ClientToken is { Length: > 0 } token
            ? token
            : throw new VaultException(VaultFailure.Init, $"{what}: POST {path}: no token returned");
    }

    private static byte[] Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) => JsonSerializer.SerializeToUtf8Bytes(value, info);
}
