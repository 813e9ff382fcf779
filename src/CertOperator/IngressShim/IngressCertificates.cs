using CertOperator.Crds.Certificates;
using CertOperator.Crds.Meta;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes.Model;
using CertOperator.Validation;

namespace CertOperator.IngressShim;

/// <summary>
/// The Certificates an annotated Ingress asks for: one per usable `spec.tls` entry, named after its
/// secretName, with the Ingress's labels, its hosts as dnsNames or ipAddresses, cert-manager's default
/// usages, and tuned by the cert-manager.io annotations. Pure: no Kubernetes calls, so it is tested as a table.
/// </summary>
internal static class IngressCertificates
{
    /// <summary>kubectl's applyset label would make `kubectl apply --prune` delete the Certificates, so it is not copied.</summary>
    private const string ApplysetLabel = "applyset.kubernetes.io/part-of";

    public static IngressCertificatePlan Desired(Ingress ingress, IngressShimDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(defaults);
        var annotations = ingress.Metadata.Annotations ?? [];
        if (!IngressIssuer.IsManaged(annotations, defaults))
        {
            return IngressCertificatePlan.Unmanaged;
        }

        var (issuer, issuerError) = IngressIssuer.Resolve(annotations, defaults);
        if (issuer is null)
        {
            return IngressCertificatePlan.Stop([issuerError!]);
        }

        var tls = ingress.Spec.Tls ?? [];
        if (IngressTlsEntries.DuplicateSecretNames(tls) is { Count: > 0 } duplicates)
        {
            return IngressCertificatePlan.Stop(duplicates);
        }

        var template = new CertificateSpec();
        var errors = new List<string>();
        IngressCertificateOptions.Apply(annotations, template, errors);
        var (entries, skipped) = IngressTlsEntries.Read(tls);
        if (errors.Count > 0)
        {
            return IngressCertificatePlan.Stop([.. skipped, .. errors.Select(e => $"{e}; no Certificate was changed")]);
        }

        var warnings = new List<string>(skipped);
        var certificates = new List<Certificate>();
        var certificateAnnotations = CertificateAnnotations(ingress, annotations, defaults);
        foreach (var entry in entries)
        {
            var certificate = Build(ingress, entry, issuer, template, certificateAnnotations is null ? null : new(certificateAnnotations, StringComparer.Ordinal));
            var problems = Validate(certificate).ToList();
            warnings.AddRange(problems);
            if (problems.Count == 0)
            {
                certificates.Add(certificate);
            }
        }

        return new IngressCertificatePlan(true, false, certificates, warnings);
    }

    /// <summary>
    /// cert-manager's webhook would refuse such a Certificate; report it on the Ingress instead, naming the
    /// annotation that caused it. External issuer kinds are the user's choice.
    /// </summary>
    private static IEnumerable<string> Validate(Certificate certificate) =>
        CertificateValidation.ValidateIssuable(certificate.Spec)
            .Where(e => !e.Field.StartsWith("spec.issuerRef", StringComparison.Ordinal))
            .Select(e => $"{AnnotationFor(e.Field)}: Certificate \"{certificate.Metadata.Name}\" would be invalid: "
                + (e.Message.StartsWith(e.Field, StringComparison.Ordinal) ? e.Message : e.ToString()) + "; it was not created or changed");

    private static string AnnotationFor(string field) => field switch
    {
        _ when field.StartsWith("spec.renewBeforePercentage", StringComparison.Ordinal) => IngressAnnotations.RenewBeforePercentage,
        _ when field.StartsWith("spec.renewBefore", StringComparison.Ordinal) => IngressAnnotations.RenewBefore,
        _ when field.StartsWith("spec.duration", StringComparison.Ordinal) => IngressAnnotations.Duration,
        _ when field.StartsWith("spec.privateKey", StringComparison.Ordinal) => "cert-manager.io/private-key-*",
        _ when field.StartsWith("spec.usages", StringComparison.Ordinal) => IngressAnnotations.Usages,
        _ when field.StartsWith("spec.commonName", StringComparison.Ordinal) => IngressAnnotations.CommonName,
        _ when field.StartsWith("spec.subject", StringComparison.Ordinal) => "cert-manager.io/subject-*",
        _ when field.StartsWith("spec.secretTemplate", StringComparison.Ordinal) => IngressAnnotations.SecretTemplate,
        _ when field.StartsWith("spec.emailAddresses", StringComparison.Ordinal) => IngressAnnotations.EmailSans,
        _ => "spec.tls",
    };

    /// <summary>The HTTP-01 overrides cert-manager derives (empty class values set nothing) and the configured extra annotations, copied as they are.</summary>
    private static Dictionary<string, string>? CertificateAnnotations(Ingress ingress, Dictionary<string, string> annotations, IngressShimDefaults defaults)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in defaults.ExtraCertificateAnnotations.Where(annotations.ContainsKey))
        {
            result[key] = annotations[key];
        }

        if (annotations.GetValueOrDefault(IngressAnnotations.Http01EditInPlace) == "true")
        {
            result[IngressAnnotations.OverrideIngressName] = ingress.Metadata.Name!;
            result[CertManagerAnnotations.IssueTemporaryCertificate] = "true";
        }

        if (annotations.GetValueOrDefault(IngressAnnotations.Http01IngressClass) is { Length: > 0 } ingressClass)
        {
            result[IngressAnnotations.OverrideIngressClass] = ingressClass;
        }

        if (annotations.GetValueOrDefault(IngressAnnotations.Http01IngressClassName) is { Length: > 0 } className)
        {
            result[IngressAnnotations.OverrideIngressClassName] = className;
        }

        return result.Count > 0 ? result : null;
    }

    private static Dictionary<string, string>? Labels(Ingress ingress)
    {
        var labels = (ingress.Metadata.Labels ?? []).Where(l => l.Key != ApplysetLabel).ToDictionary(StringComparer.Ordinal);
        return labels.Count > 0 ? labels : null;
    }

    private static Certificate Build(Ingress ingress, IngressTlsEntry entry, IssuerReference issuer, CertificateSpec template, Dictionary<string, string>? annotations) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = entry.SecretName,
            Namespace = ingress.Metadata.Namespace,
            Labels = Labels(ingress),
            Annotations = annotations,
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
            DnsNames = NullIfEmpty([.. entry.DnsNames, .. template.DnsNames ?? []]),
            IpAddresses = NullIfEmpty([.. entry.IpAddresses, .. template.IpAddresses ?? []]),
            SecretName = entry.SecretName,
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

    private static List<string>? NullIfEmpty(List<string> values) => values.Count > 0 ? values : null;
}
