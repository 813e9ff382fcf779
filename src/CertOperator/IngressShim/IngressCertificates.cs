using CertOperator.Crds.Certificates;
using CertOperator.Crds.Meta;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes.Model;
using CertOperator.Validation;

namespace CertOperator.IngressShim;

/// <summary>
/// The Certificates an annotated Ingress asks for: one per `spec.tls` secretName, its hosts as dnsNames,
/// tuned by the cert-manager.io annotations. Pure: no Kubernetes calls, so it is tested as a table.
/// </summary>
internal static class IngressCertificates
{
    private const string CertManagerGroup = "cert-manager.io";

    /// <summary>
    /// No certificates and no errors means the Ingress is not (or no longer) managed; any error means
    /// leave existing Certificates alone.
    /// </summary>
    public static (IReadOnlyList<Certificate> Certificates, IReadOnlyList<string> Errors) Desired(Ingress ingress, IngressShimDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(defaults);
        var annotations = ingress.Metadata.Annotations ?? [];
        var errors = new List<string>();
        if (Issuer(annotations, defaults, errors) is not { } issuer)
        {
            return ([], errors);
        }

        var template = new CertificateSpec();
        IngressCertificateOptions.Apply(annotations, template, errors);
        var bySecret = TlsEntries(ingress, errors);
        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var certificateAnnotations = CertificateAnnotations(ingress, annotations);
        List<Certificate> certificates = [.. bySecret.Select(entry => Build(ingress, entry.Key, entry.Value, issuer, template, certificateAnnotations))];
        errors.AddRange(certificates.SelectMany(Validate));
        return errors.Count > 0 ? ([], errors) : (certificates, []);
    }

    /// <summary>
    /// cert-manager's webhook would refuse such a Certificate and ingress-shim would report it on the
    /// Ingress; we have no webhook, so check here. External issuer kinds are the user's choice.
    /// </summary>
    private static IEnumerable<string> Validate(Certificate certificate) =>
        CertificateValidation.ValidateIssuable(certificate.Spec)
            .Where(e => !e.Field.StartsWith("spec.issuerRef", StringComparison.Ordinal))
            .Select(e => $"{AnnotationFor(e.Field)}: Certificate \"{certificate.Metadata.Name}\" would be invalid: "
                + (e.Message.StartsWith(e.Field, StringComparison.Ordinal) ? e.Message : e.ToString()));

    private static string AnnotationFor(string field) => field switch
    {
        _ when field.StartsWith("spec.renewBeforePercentage", StringComparison.Ordinal) => IngressAnnotations.RenewBeforePercentage,
        _ when field.StartsWith("spec.renewBefore", StringComparison.Ordinal) => IngressAnnotations.RenewBefore,
        _ when field.StartsWith("spec.duration", StringComparison.Ordinal) => IngressAnnotations.Duration,
        _ when field.StartsWith("spec.privateKey", StringComparison.Ordinal) => "cert-manager.io/private-key-*",
        _ when field.StartsWith("spec.usages", StringComparison.Ordinal) => IngressAnnotations.Usages,
        _ when field.StartsWith("spec.commonName", StringComparison.Ordinal) => IngressAnnotations.CommonName,
        _ => "spec.tls",
    };

    private static IssuerReference? Issuer(IReadOnlyDictionary<string, string> annotations, IngressShimDefaults defaults, List<string> errors)
    {
        var issuer = annotations.GetValueOrDefault(IngressAnnotations.Issuer) ?? annotations.GetValueOrDefault(IngressAnnotations.LegacyIssuer);
        var clusterIssuer = annotations.GetValueOrDefault(IngressAnnotations.ClusterIssuer) ?? annotations.GetValueOrDefault(IngressAnnotations.LegacyClusterIssuer);
        if (issuer is { Length: > 0 } && clusterIssuer is { Length: > 0 })
        {
            errors.Add($"{IngressAnnotations.Issuer} and {IngressAnnotations.ClusterIssuer} are both set; keep only one of them");
            return null;
        }

        if (issuer is { Length: > 0 })
        {
            return new IssuerReference
            {
                Name = issuer,
                Kind = annotations.GetValueOrDefault(IngressAnnotations.IssuerKind) is { Length: > 0 } kind ? kind : "Issuer",
                Group = annotations.GetValueOrDefault(IngressAnnotations.IssuerGroup) is { Length: > 0 } group ? group : CertManagerGroup,
            };
        }

        if (clusterIssuer is { Length: > 0 })
        {
            return new IssuerReference { Name = clusterIssuer, Kind = "ClusterIssuer", Group = CertManagerGroup };
        }

        if (annotations.GetValueOrDefault(IngressAnnotations.TlsAcme) != "true")
        {
            return null;
        }

        if (defaults.IssuerName is not { Length: > 0 } name)
        {
            errors.Add($"{IngressAnnotations.TlsAcme} is \"true\" but no default issuer is configured; run the operator with --default-issuer-name (and --default-issuer-kind), or annotate the Ingress with {IngressAnnotations.Issuer} or {IngressAnnotations.ClusterIssuer}");
            return null;
        }

        return new IssuerReference { Name = name, Kind = defaults.IssuerKind, Group = defaults.IssuerGroup };
    }

    /// <summary>TLS entries sharing a secretName become one Certificate with all their hosts, in order.</summary>
    private static Dictionary<string, List<string>> TlsEntries(Ingress ingress, List<string> errors)
    {
        var bySecret = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var entries = ingress.Spec.Tls ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var tls = entries[i];
            var hosts = (tls.Hosts ?? []).Where(h => h.Length > 0).ToList();
            if (tls.SecretName is not { Length: > 0 } secretName)
            {
                errors.Add($"spec.tls[{i}]: secretName must be set; it names both the Secret and the Certificate");
                continue;
            }

            if (hosts.Count == 0)
            {
                errors.Add($"spec.tls[{i}] (secret \"{secretName}\"): hosts must list at least one host name");
                continue;
            }

            if (!ValidTlsEntry(tls, i, errors))
            {
                continue;
            }

            var names = bySecret.TryGetValue(secretName, out var existing) ? existing : bySecret[secretName] = [];
            names.AddRange(hosts.Where(h => !names.Contains(h, StringComparer.Ordinal)));
        }

        return bySecret;
    }

    /// <summary>The secretName must be a Secret (and Certificate) name and every host a DNS name; each problem names its field.</summary>
    private static bool ValidTlsEntry(IngressTls tls, int index, List<string> errors)
    {
        var before = errors.Count;
        errors.AddRange(KubernetesNameRules.SubdomainProblems(tls.SecretName!)
            .Select(p => $"spec.tls[{index}].secretName: \"{tls.SecretName}\" cannot name a Secret and Certificate: {p}"));
        var hosts = tls.Hosts ?? [];
        for (var j = 0; j < hosts.Count; j++)
        {
            if (hosts[j].Length > 0 && DnsNameRules.Problem(hosts[j]) is { } problem)
            {
                errors.Add($"spec.tls[{index}].hosts[{j}]: {problem}");
            }
        }

        return errors.Count == before;
    }

    private static Dictionary<string, string> CertificateAnnotations(Ingress ingress, IReadOnlyDictionary<string, string> annotations)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (annotations.GetValueOrDefault(IngressAnnotations.Http01EditInPlace) == "true")
        {
            result[IngressAnnotations.OverrideIngressName] = ingress.Metadata.Name!;
            result[CertManagerAnnotations.IssueTemporaryCertificate] = "true";
        }

        if (annotations.GetValueOrDefault(IngressAnnotations.Http01IngressClass) is { } ingressClass)
        {
            result[IngressAnnotations.OverrideIngressClass] = ingressClass;
        }

        if (annotations.GetValueOrDefault(IngressAnnotations.Http01IngressClassName) is { } className)
        {
            result[IngressAnnotations.OverrideIngressClassName] = className;
        }

        return result;
    }

    private static Certificate Build(Ingress ingress, string secretName, List<string> hosts, IssuerReference issuer, CertificateSpec template, Dictionary<string, string> annotations) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = secretName,
            Namespace = ingress.Metadata.Namespace,
            Annotations = annotations.Count > 0 ? new Dictionary<string, string>(annotations, StringComparer.Ordinal) : null,
            OwnerReferences =
            [
                new OwnerReference
                {
                    ApiVersion = "networking.k8s.io/v1",
                    Kind = "Ingress",
                    Name = ingress.Metadata.Name!,
                    Uid = ingress.Metadata.Uid ?? "",
                    Controller = true,
                    BlockOwnerDeletion = true,
                },
            ],
        },
        Spec = new CertificateSpec
        {
            DnsNames = hosts,
            SecretName = secretName,
            IssuerRef = new IssuerReference { Name = issuer.Name, Kind = issuer.Kind, Group = issuer.Group },
            CommonName = template.CommonName,
            EmailAddresses = template.EmailAddresses,
            Duration = template.Duration,
            RenewBefore = template.RenewBefore,
            RenewBeforePercentage = template.RenewBeforePercentage,
            RevisionHistoryLimit = template.RevisionHistoryLimit,
            Usages = template.Usages,
            PrivateKey = template.PrivateKey,
            Subject = template.Subject,
            SecretTemplate = template.SecretTemplate,
        },
    };
}
