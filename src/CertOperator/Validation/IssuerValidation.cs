using CertOperator.Crds.Issuers;
using CertOperator.Crds.Issuers.Vault;
using CertOperator.Crds.Issuers.Venafi;

namespace CertOperator.Validation;

/// <summary>
/// cert-manager's webhook checks on an Issuer's or ClusterIssuer's spec (validation/issuer.go): exactly one
/// issuer type, then that type's own rules. Pure, so the Issuer controllers and a webhook share it.
/// </summary>
internal static class IssuerValidation
{
    private const string MoreThanOne = "may not specify more than one issuer type; keep only one of spec.acme, spec.ca, spec.selfSigned, spec.vault or spec.venafi";

    public static IReadOnlyList<FieldError> Validate(IssuerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<FieldError>();
        var configured = 0;
        if (spec.Acme is { } acme)
        {
            configured++;
            AcmeIssuerValidation.Validate(acme, errors);
        }

        if (spec.Ca is { } ca && ++configured == 1)
        {
            ValidateCa(ca, errors);
        }
        else if (spec.Ca is not null)
        {
            errors.Add(new("spec.ca", MoreThanOne));
        }

        if (spec.SelfSigned is { } selfSigned && ++configured == 1)
        {
            Urls(selfSigned.CrlDistributionPoints, "spec.selfSigned.crlDistributionPoints", errors);
        }
        else if (spec.SelfSigned is not null)
        {
            errors.Add(new("spec.selfSigned", MoreThanOne));
        }

        if (spec.Vault is { } vault && ++configured == 1)
        {
            ValidateVault(vault, errors);
        }
        else if (spec.Vault is not null)
        {
            errors.Add(new("spec.vault", MoreThanOne));
        }

        if (spec.Venafi is { } venafi && ++configured == 1)
        {
            ValidateVenafi(venafi, errors);
        }
        else if (spec.Venafi is not null)
        {
            errors.Add(new("spec.venafi", MoreThanOne));
        }

        if (configured == 0)
        {
            errors.Add(new("spec", "at least one issuer must be configured: set one of spec.acme, spec.ca, spec.selfSigned, spec.vault or spec.venafi"));
        }

        return errors;
    }

    /// <summary>cert-manager's ValidateVaultIssuerConfig and ValidateVaultIssuerAuth.</summary>
    private static void ValidateVault(VaultIssuer vault, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(vault.Server))
        {
            errors.Add(new("spec.vault.server", "must be specified: the Vault address, e.g. https://vault.example.com:8200"));
        }

        if (string.IsNullOrEmpty(vault.Path))
        {
            errors.Add(new("spec.vault.path", "must be specified: the PKI signing path, e.g. pki/sign/my-role"));
        }

        else if (HasDotDot(vault.Path))
        {
            errors.Add(new("spec.vault.path", "must not contain '..' path segments"));
        }

        if (!string.IsNullOrEmpty(vault.CaBundle) && vault.CaBundleSecretRef is not null)
        {
            errors.Add(new("spec.vault.caBundle", "specified caBundle and caBundleSecretRef cannot be used together"));
        }

        if ((vault.ClientCertSecretRef is null) != (vault.ClientKeySecretRef is null))
        {
            errors.Add(vault.ClientCertSecretRef is null
                ? new("spec.vault.clientCertSecretRef", "clientCertSecretRef must be provided when defining the clientKeySecretRef")
                : new("spec.vault.clientKeySecretRef", "clientKeySecretRef must be provided when defining the clientCertSecretRef"));
        }

        ValidateVaultAuthFields(vault.Auth, errors);

        var auth = vault.Auth;
        var methods = new (string Field, object? Config)[]
        {
            ("tokenSecretRef", auth.TokenSecretRef), ("appRole", auth.AppRole), ("clientCertificate", auth.ClientCertificate),
            ("kubernetes", auth.Kubernetes), ("aws", auth.Aws),
        }.Where(m => m.Config is not null).Select(m => m.Field).ToList();
        if (methods.Count != 1)
        {
            errors.Add(new("spec.vault.auth", methods.Count == 0
                ? "please supply one of: appRole, kubernetes, tokenSecretRef, clientCertificate, aws"
                : $"only one auth method may be set, not {string.Join(" and ", methods)}"));
        }

        if (auth.Kubernetes is { } kubernetes && kubernetes.SecretRef is not null == kubernetes.ServiceAccountRef is not null)
        {
            errors.Add(new("spec.vault.auth.kubernetes", "please supply exactly one of secretRef or serviceAccountRef"));
        }
    }

    /// <summary>cert-manager's per-method rules: required role IDs, roles and Secret names; no `..` in mount paths.</summary>
    private static void ValidateVaultAuthFields(VaultAuth auth, List<FieldError> errors)
    {
        if (auth.AppRole is { } appRole)
        {
            Required(appRole.RoleId, "spec.vault.auth.appRole.roleId", errors);
            Required(appRole.SecretRef.Name, "spec.vault.auth.appRole.secretRef.name", errors);
            DotDot(appRole.Path, "spec.vault.auth.appRole.path", errors);
        }

        DotDot(auth.ClientCertificate?.MountPath, "spec.vault.auth.clientCertificate.mountPath", errors);
        if (auth.Kubernetes is { } kubernetes)
        {
            Required(kubernetes.Role, "spec.vault.auth.kubernetes.role", errors);
            DotDot(kubernetes.MountPath, "spec.vault.auth.kubernetes.mountPath", errors);
            if (kubernetes.ServiceAccountRef is { Name.Length: 0 })
            {
                errors.Add(new("spec.vault.auth.kubernetes.serviceAccountRef.name", "Required value"));
            }
        }
    }

    private static void Required(string? value, string field, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(new(field, "Required value"));
        }
    }

    private static void DotDot(string? path, string field, List<FieldError> errors)
    {
        if (HasDotDot(path))
        {
            errors.Add(new(field, "must not contain '..' path segments"));
        }
    }

    private static bool HasDotDot(string? path) => path?.Split('/').Contains("..") == true;

    /// <summary>The CRD's rule, checked here too because a 1.24 API server does not run CEL rules.</summary>
    private static void ValidateVenafi(VenafiIssuer venafi, List<FieldError> errors)
    {
        if (new object?[] { venafi.Tpp, venafi.Cloud, venafi.Ngts }.Count(c => c is not null) != 1)
        {
            errors.Add(new("spec.venafi", "exactly one of tpp, cloud, or ngts must be configured"));
        }
    }

    private static void ValidateCa(CaIssuer ca, List<FieldError> errors)
    {
        KubernetesNameRules.RequireSubdomain(ca.SecretName, "spec.ca.secretName", "kubernetes.io/tls Secret holding the CA certificate and key", errors);
        Urls(ca.CrlDistributionPoints, "spec.ca.crlDistributionPoints", errors);
        Urls(ca.OcspServers, "spec.ca.ocspServers", errors);
        Urls(ca.IssuingCertificateURLs, "spec.ca.issuingCertificateURLs", errors);
    }

    private static void Urls(List<string>? urls, string field, List<FieldError> errors)
    {
        var list = urls ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (!AddressRules.IsAbsoluteUri(list[i]))
            {
                errors.Add(new($"{field}[{i}]", $"\"{list[i]}\": must be a valid URL, e.g., http://ocsp.int-x3.letsencrypt.org"));
            }
        }
    }
}
