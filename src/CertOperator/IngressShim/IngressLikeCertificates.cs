using CertOperator.Crds.Certificates;
using CertOperator.Crds.Meta;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes.Model;
using CertOperator.Validation;
using k8s.Models;

namespace CertOperator.IngressShim;

/// <summary>
/// The Certificates an annotated Ingress-like object asks for: one per usable TLS entry, named after its
/// secretName, with the object's labels, its hosts as dnsNames or ipAddresses, cert-manager's default
/// usages, and tuned by the cert-manager.io annotations. Pure: no Kubernetes calls, so it is tested as a table.
/// </summary>
internal static class IngressLikeCertificates
{
    /// <summary>kubectl's applyset label would make `kubectl apply --prune` delete the Certificates, so it is not copied.</summary>
    private const string ApplysetLabel = "applyset.kubernetes.io/part-of";

    public static IngressCertificatePlan Desired(IngressLike source, IngressShimDefaults defaults)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(defaults);
        var annotations = source.Metadata.Annotations.OrEmpty();
        if (!IngressIssuer.IsManaged(annotations, defaults))
        {
            return IngressCertificatePlan.Unmanaged;
        }

        var (issuer, issuerError) = IngressIssuer.Resolve(annotations, defaults);
        if (issuer is null)
        {
            return IngressCertificatePlan.Stop([issuerError!]);
        }

        if (source.Blocking.Count > 0)
        {
            return IngressCertificatePlan.Stop(source.Blocking);
        }

        var template = new CertificateSpec();
        var errors = new List<string>();
        IngressCertificateOptions.Apply(annotations, template, errors);
        if (errors.Count > 0)
        {
            return IngressCertificatePlan.Stop([.. source.Skipped, .. errors.Select(e => $"{e}; no Certificate was changed")]);
        }

        var warnings = new List<string>(source.Skipped);
        var certificates = new List<Certificate>();
        var certificateAnnotations = CertificateAnnotations(source, annotations, defaults);
        foreach (var entry in source.Entries)
        {
            var certificate = Build(source, entry, issuer, template, certificateAnnotations is null ? null : new(certificateAnnotations, StringComparer.Ordinal));
            var problems = Validate(certificate, source.EntriesField).ToList();
            warnings.AddRange(problems);
            if (problems.Count == 0)
            {
                certificates.Add(certificate);
            }
        }

        return new IngressCertificatePlan(true, false, certificates, warnings);
    }

    /// <summary>
    /// cert-manager's webhook would refuse such a Certificate; report it on the Ingress-like object instead, naming the
    /// annotation that caused it. External issuer kinds are the user's choice.
    /// </summary>
    private static IEnumerable<string> Validate(Certificate certificate, string entriesField) =>
        CertificateValidation.ValidateIssuable(certificate.Spec)
            .Where(e => !e.Field.StartsWith("spec.issuerRef", StringComparison.Ordinal))
            .Select(e => $"{AnnotationFor(e.Field, entriesField)}: Certificate \"{certificate.Metadata.Name}\" would be invalid: "
                + (e.Message.StartsWith(e.Field, StringComparison.Ordinal) ? e.Message : e.ToString()) + "; it was not created or changed");

    private static string AnnotationFor(string field, string entriesField) => field switch
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
        _ => entriesField,
    };

    /// <summary>
    /// The HTTP-01 overrides cert-manager derives (empty class values set nothing), the kind's own annotations and
    /// the configured extra annotations, copied as they are.
    /// </summary>
    private static Dictionary<string, string>? CertificateAnnotations(IngressLike source, IReadOnlyDictionary<string, string> annotations, IngressShimDefaults defaults)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in defaults.ExtraCertificateAnnotations.Where(annotations.ContainsKey))
        {
            result[key] = annotations[key];
        }

        if (annotations.GetValueOrDefault(IngressAnnotations.Http01EditInPlace) == "true")
        {
            result[IngressAnnotations.OverrideIngressName] = source.Metadata.Name!;
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

        foreach (var (key, value) in source.KindAnnotations)
        {
            result[key] = value;
        }

        return result.Count > 0 ? result : null;
    }

    private static Dictionary<string, string>? Labels(V1ObjectMeta metadata)
    {
        var labels = metadata.Labels.OrEmpty().Where(l => l.Key != ApplysetLabel).ToDictionary(StringComparer.Ordinal);
        return labels.Count > 0 ? labels : null;
    }

    private static Certificate Build(IngressLike source, IngressTlsEntry entry, IssuerReference issuer, CertificateSpec template, Dictionary<string, string>? annotations) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = entry.SecretName,
            NamespaceProperty = source.Metadata.NamespaceProperty,
            Labels = Labels(source.Metadata),
            Annotations = annotations,
            OwnerReferences = [source.Controller],
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
