using System.Net;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Certificates;

namespace CertOperator.Certificates.Validation;

/// <summary>
/// The checks cert-manager's admission webhook makes on a Certificate. We have no webhook, so a
/// violation becomes a Ready=False condition and an Event naming the field, and nothing is issued.
/// </summary>
internal static class CertificateValidation
{
    private static readonly TimeSpan MinimumDuration = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinimumRenewBefore = TimeSpan.FromMinutes(5);

    public static IReadOnlyList<FieldError> Validate(CertificateSpec spec)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(spec.SecretName))
        {
            errors.Add(new("spec.secretName", "is required: name the Secret that should receive the certificate"));
        }

        ValidateIssuerRef(spec, errors);
        ValidateNames(spec, errors);
        var duration = ValidateDurations(spec, errors);
        ValidateRenewBefore(spec, duration, errors);

        if (PrivateKeySpec.Resolve(spec.PrivateKey).Error is { } keyError)
        {
            errors.Add(new(keyError.Field ?? "spec.privateKey", keyError.Message));
        }

        if (Usages.Resolve(spec.Usages, spec.IsCA ?? false).Error is { } usageError)
        {
            errors.Add(new(usageError.Field ?? "spec.usages", usageError.Message));
        }

        return errors;
    }

    private static void ValidateIssuerRef(CertificateSpec spec, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(spec.IssuerRef.Name))
        {
            errors.Add(new("spec.issuerRef.name", "is required: name the Issuer or ClusterIssuer to use"));
        }

        var group = string.IsNullOrEmpty(spec.IssuerRef.Group) ? "cert-manager.io" : spec.IssuerRef.Group;
        if (group == "cert-manager.io" && spec.IssuerRef.Kind is { Length: > 0 } kind && kind is not ("Issuer" or "ClusterIssuer"))
        {
            errors.Add(new("spec.issuerRef.kind", $"\"{kind}\" is not supported: use Issuer or ClusterIssuer"));
        }
    }

    private static void ValidateNames(CertificateSpec spec, List<FieldError> errors)
    {
        var hasName = !string.IsNullOrEmpty(spec.CommonName) || !string.IsNullOrEmpty(spec.LiteralSubject)
            || spec.DnsNames is { Count: > 0 } || spec.Uris is { Count: > 0 } || spec.EmailAddresses is { Count: > 0 }
            || spec.IpAddresses is { Count: > 0 } || spec.OtherNames is { Count: > 0 };
        if (!hasName)
        {
            errors.Add(new("spec", "at least one of commonName, literalSubject, dnsNames, uris, emailAddresses, ipAddresses or otherNames must be set"));
        }

        if (!string.IsNullOrEmpty(spec.LiteralSubject) && (!string.IsNullOrEmpty(spec.CommonName) || spec.Subject is not null))
        {
            errors.Add(new("spec.literalSubject", "cannot be combined with spec.commonName or spec.subject; put every attribute in literalSubject"));
        }

        if (spec.CommonName is { Length: > 64 })
        {
            errors.Add(new("spec.commonName", "is longer than 64 characters; put long names in spec.dnsNames"));
        }

        foreach (var (ip, index) in (spec.IpAddresses ?? []).Select((ip, i) => (ip, i)))
        {
            if (!IPAddress.TryParse(ip, out _))
            {
                errors.Add(new($"spec.ipAddresses[{index}]", $"\"{ip}\" is not an IPv4 or IPv6 address"));
            }
        }
    }

    private static TimeSpan? ValidateDurations(CertificateSpec spec, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(spec.Duration))
        {
            return null;
        }

        var parsed = GoDuration.Parse(spec.Duration, "spec.duration");
        if (!parsed.Ok)
        {
            errors.Add(new("spec.duration", parsed.Error!.Message));
            return null;
        }

        if (parsed.Value < MinimumDuration)
        {
            errors.Add(new("spec.duration", $"{spec.Duration} is shorter than the minimum of 1h"));
        }

        return parsed.Value;
    }

    private static void ValidateRenewBefore(CertificateSpec spec, TimeSpan? duration, List<FieldError> errors)
    {
        if (spec.RenewBefore is { Length: > 0 } && spec.RenewBeforePercentage is not null)
        {
            errors.Add(new("spec.renewBefore", "cannot be combined with spec.renewBeforePercentage; set only one"));
        }

        if (spec.RenewBeforePercentage is { } pct and (< 1 or > 99))
        {
            errors.Add(new("spec.renewBeforePercentage", $"{pct} is outside 1..99"));
        }

        if (string.IsNullOrEmpty(spec.RenewBefore))
        {
            return;
        }

        var parsed = GoDuration.Parse(spec.RenewBefore, "spec.renewBefore");
        if (!parsed.Ok)
        {
            errors.Add(new("spec.renewBefore", parsed.Error!.Message));
            return;
        }

        if (parsed.Value < MinimumRenewBefore)
        {
            errors.Add(new("spec.renewBefore", $"{spec.RenewBefore} is shorter than the minimum of 5m"));
        }

        var effectiveDuration = duration ?? TimeSpan.FromDays(90);
        if (parsed.Value >= effectiveDuration)
        {
            errors.Add(new("spec.renewBefore", $"{spec.RenewBefore} must be shorter than spec.duration ({spec.Duration ?? "2160h, the default"}); shorten renewBefore or lengthen duration"));
        }
    }
}
