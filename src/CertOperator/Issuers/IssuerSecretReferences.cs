using System.Globalization;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;

namespace CertOperator.Issuers;

/// <summary>What an issuer keeps in a Secret it names.</summary>
internal enum IssuerSecretRole
{
    CaKeyPair,
    AcmeAccountKey,
    ExternalAccountBindingKey,
    Dns01Credential,
    IssuerCredential,
}

/// <summary>One Secret an issuer spec names: its name, the field naming it, and what the issuer keeps there.</summary>
internal sealed record IssuerSecretReference(string SecretName, string Field, IssuerSecretRole Role)
{
    public string Describe() => Role switch
    {
        IssuerSecretRole.CaKeyPair => "the CA key pair",
        IssuerSecretRole.AcmeAccountKey => "the ACME account key",
        IssuerSecretRole.ExternalAccountBindingKey => "the ACME external account binding key",
        IssuerSecretRole.IssuerCredential => "a credential of the issuer",
        _ => "a DNS-01 solver credential",
    };
}

/// <summary>
/// Every Secret an Issuer or ClusterIssuer spec names (CA key pair, ACME account and EAB keys, each DNS-01
/// provider's credentials), so a Certificate can be kept from overwriting one. Solver image pull Secrets
/// are left out: they must be of a docker config type, which no Certificate may overwrite anyway.
/// </summary>
internal static class IssuerSecretReferences
{
    public static IEnumerable<IssuerSecretReference> Of(IssuerSpec spec)
    {
        var found = new List<IssuerSecretReference>();
        if (spec.Ca is { SecretName.Length: > 0 } ca)
        {
            found.Add(new(ca.SecretName, "spec.ca.secretName", IssuerSecretRole.CaKeyPair));
        }

        if (spec.Vault is { } vault)
        {
            Add(found, vault.CaBundleSecretRef, "spec.vault.caBundleSecretRef", IssuerSecretRole.IssuerCredential);
            Add(found, vault.ClientCertSecretRef, "spec.vault.clientCertSecretRef", IssuerSecretRole.IssuerCredential);
            Add(found, vault.ClientKeySecretRef, "spec.vault.clientKeySecretRef", IssuerSecretRole.IssuerCredential);
            Add(found, vault.Auth.TokenSecretRef, "spec.vault.auth.tokenSecretRef", IssuerSecretRole.IssuerCredential);
            Add(found, vault.Auth.AppRole?.SecretRef, "spec.vault.auth.appRole.secretRef", IssuerSecretRole.IssuerCredential);
            Add(found, vault.Auth.Kubernetes?.SecretRef, "spec.vault.auth.kubernetes.secretRef", IssuerSecretRole.IssuerCredential);
            if (vault.Auth.ClientCertificate?.SecretName is { Length: > 0 } clientCertificate)
            {
                found.Add(new(clientCertificate, "spec.vault.auth.clientCertificate.secretName", IssuerSecretRole.IssuerCredential));
            }
        }

        if (spec.Venafi is { } venafi)
        {
            Add(found, venafi.Tpp?.CaBundleSecretRef, "spec.venafi.tpp.caBundleSecretRef", IssuerSecretRole.IssuerCredential);
            Add(found, venafi.Cloud?.ApiTokenSecretRef, "spec.venafi.cloud.apiTokenSecretRef", IssuerSecretRole.IssuerCredential);
        }

        if (spec.Acme is not { } acme)
        {
            return found;
        }

        Add(found, acme.PrivateKeySecretRef, "spec.acme.privateKeySecretRef", IssuerSecretRole.AcmeAccountKey);
        Add(found, acme.ExternalAccountBinding?.KeySecretRef, "spec.acme.externalAccountBinding.keySecretRef", IssuerSecretRole.ExternalAccountBindingKey);
        for (var i = 0; i < (acme.Solvers?.Count ?? 0); i++)
        {
            if (acme.Solvers![i].Dns01 is { } dns01)
            {
                AddDns01(found, dns01, string.Create(CultureInfo.InvariantCulture, $"spec.acme.solvers[{i}].dns01"));
            }
        }

        return found;
    }

    /// <summary>The Secrets an issuer's readiness is read from: a CA issuer's key pair, every Secret a Vault issuer names.</summary>
    public static IEnumerable<string> ReadinessSecrets(IssuerSpec spec) =>
        spec.Ca is { } ca ? [ca.SecretName]
        : spec.Vault is not null ? Of(spec).Select(r => r.SecretName).Distinct(StringComparer.Ordinal)
        : [];

    private static void AddDns01(List<IssuerSecretReference> found, AcmeChallengeSolverDns01 dns01, string path)
    {
        void Credential(SecretKeySelector? selector, string field) => Add(found, selector, $"{path}.{field}", IssuerSecretRole.Dns01Credential);

        Credential(dns01.Rfc2136?.TsigSecretSecretRef, "rfc2136.tsigSecretSecretRef");
        Credential(dns01.Cloudflare?.ApiKeySecretRef, "cloudflare.apiKeySecretRef");
        Credential(dns01.Cloudflare?.ApiTokenSecretRef, "cloudflare.apiTokenSecretRef");
        Credential(dns01.Route53?.AccessKeyIdSecretRef, "route53.accessKeyIDSecretRef");
        Credential(dns01.Route53?.SecretAccessKeySecretRef, "route53.secretAccessKeySecretRef");
        Credential(dns01.Akamai?.ClientTokenSecretRef, "akamai.clientTokenSecretRef");
        Credential(dns01.Akamai?.ClientSecretSecretRef, "akamai.clientSecretSecretRef");
        Credential(dns01.Akamai?.AccessTokenSecretRef, "akamai.accessTokenSecretRef");
        Credential(dns01.CloudDns?.ServiceAccountSecretRef, "cloudDNS.serviceAccountSecretRef");
        Credential(dns01.AzureDns?.ClientSecretSecretRef, "azureDNS.clientSecretSecretRef");
        Credential(dns01.DigitalOcean?.TokenSecretRef, "digitalocean.tokenSecretRef");
        Credential(dns01.AcmeDns?.AccountSecretRef, "acmeDNS.accountSecretRef");
    }

    private static void Add(List<IssuerSecretReference> found, SecretKeySelector? selector, string field, IssuerSecretRole role)
    {
        if (selector is { Name.Length: > 0 })
        {
            found.Add(new(selector.Name, field, role));
        }
    }
}
