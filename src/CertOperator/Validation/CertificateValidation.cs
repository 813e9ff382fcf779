using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;

namespace CertOperator.Validation;

/// <summary>
/// The checks cert-manager's admission webhook makes on a Certificate (internal/apis/certmanager/validation),
/// plus the syntax of its names. Pure: the controllers report a violation as Ready=False and an Event, and an
/// admission webhook can call the same functions.
/// </summary>
internal static class CertificateValidation
{
    public static IReadOnlyList<FieldError> Validate(CertificateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<FieldError>();
        KubernetesNameRules.RequireSubdomain(spec.SecretName, "spec.secretName", "Secret that should receive the certificate", errors);
        IssuerRefRules.Validate(spec.IssuerRef, errors);
        var commonName = SubjectRules.Validate(spec, errors);
        if (string.IsNullOrEmpty(commonName) && Empty(spec.DnsNames) && Empty(spec.Uris) && Empty(spec.EmailAddresses)
            && Empty(spec.IpAddresses) && (spec.OtherNames ?? []).Count == 0)
        {
            errors.Add(new("spec", "at least one of commonName (from the commonName field or from a literalSubject), dnsNames, emailSANs, ipAddresses, otherNames, or uriSANs must be set"));
        }

        SubjectAltNameRules.Validate(spec, errors);
        KeyRules.ValidatePrivateKey(spec.PrivateKey, errors);
        KeyRules.ValidateSignatureAlgorithm(spec.SignatureAlgorithm, spec.PrivateKey?.Algorithm, errors);
        RenewalRules.Validate(spec.Renewal, errors);
        KeyRules.ValidateUsages(spec.Usages, "spec.usages", spec.IsCA ?? false, errors);
        DurationRules.Validate(spec, errors);
        CertificateOutputRules.Validate(spec, errors);
        return errors;
    }

    /// <summary>
    /// <see cref="Validate"/> plus what cert-manager accepts but this build cannot issue (RSA sizes that are not
    /// whole bytes), so the controllers stop before issuing and say why.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateIssuable(CertificateSpec spec)
    {
        var errors = Validate(spec);
        return errors.Count == 0 && PrivateKeySpec.Resolve(spec.PrivateKey).Error is { } limit
            ? [new FieldError(limit.Field ?? "spec.privateKey", StripField(limit.Message, limit.Field))]
            : errors;
    }

    private static bool Empty(List<string>? values) => values is null || values.Count == 0;

    private static string StripField(string message, string? field) =>
        field is not null && message.StartsWith($"{field}: ", StringComparison.Ordinal) ? message[(field.Length + 2)..] : message;
}
