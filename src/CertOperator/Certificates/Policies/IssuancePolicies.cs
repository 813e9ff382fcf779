using System.Globalization;
using CertOperator.Certificates.Ari;
using CertOperator.Crds.Meta;
using CertOperator.Crds.WellKnown;

namespace CertOperator.Certificates.Policies;

/// <summary>
/// The ordered checks that decide whether a Certificate needs (re)issuing and whether it is Ready.
/// Each check is a pure function; the first that finds a problem wins.
/// </summary>
internal static class IssuancePolicies
{
    /// <summary>cert-manager's reason when renewal windows cannot be met (policies.WindowError).</summary>
    public const string WindowError = "WindowError";

    private static readonly Func<IssuanceInput, PolicyResult?>[] ValidityChain =
    [
        SecretExists,
        SecretHasValidData,
        SecretIssuedByCurrentIssuer,
        SecretNamesMatchSpec,
        CurrentRequestMatchesSpec,
        CertificateNotExpired,
    ];

    /// <summary>Why a (re)issuance is due now, or null when the current certificate can stay.</summary>
    public static PolicyResult? NeedsIssuance(IssuanceInput input) => NotReady(input) ?? RenewalDue(input);

    /// <summary>Why the Certificate is not Ready, or null when its Secret holds a valid, matching, unexpired certificate.</summary>
    public static PolicyResult? NotReady(IssuanceInput input)
    {
        foreach (var check in ValidityChain)
        {
            if (check(input) is { } result)
            {
                return result;
            }
        }

        return null;
    }

    private static PolicyResult? SecretExists(IssuanceInput input) => input.Secret is null
        ? new("DoesNotExist", $"Issuing certificate as Secret \"{input.Certificate.Spec.SecretName}\" does not exist")
        : null;

    private static PolicyResult? SecretHasValidData(IssuanceInput input) => input.Secret is { Facts: null } secret
        ? new(secret.ProblemReason ?? "InvalidCertificate", $"Issuing certificate as Secret {secret.ProblemMessage ?? "holds no valid certificate"}")
        : null;

    private static PolicyResult? SecretIssuedByCurrentIssuer(IssuanceInput input)
    {
        var annotations = input.Secret!.Annotations;
        var want = input.Certificate.Spec.IssuerRef;
        var name = annotations.GetValueOrDefault(CertManagerAnnotations.IssuerName);
        var kind = annotations.GetValueOrDefault(CertManagerAnnotations.IssuerKind);
        var group = annotations.GetValueOrDefault(CertManagerAnnotations.IssuerGroup);
        if (name is null)
        {
            return null;
        }

        return name == want.Name && Normalise.Kind(kind) == Normalise.Kind(want.Kind) && Normalise.Group(group) == Normalise.Group(want.Group)
            ? null
            : new("IncorrectIssuer", $"Issuing certificate as Secret was previously issued by {Normalise.Kind(kind)}.{Normalise.Group(group)}/{name}");
    }

    private static PolicyResult? SecretNamesMatchSpec(IssuanceInput input)
    {
        var spec = input.Certificate.Spec;
        var facts = input.Secret!.Facts!;
        var problems = new List<string>();

        var wantDns = Normalise.DnsNames(spec.DnsNames);
        var haveDns = Normalise.DnsNames(facts.DnsNames);
        // Some issuers (ACME) add the common name to the SANs, so it may appear without being listed.
        var allowedDns = spec.CommonName is { Length: > 0 } cn ? [.. wantDns, cn.ToLowerInvariant()] : wantDns;
        if (!wantDns.IsSubsetOf(haveDns) || !haveDns.IsSubsetOf(allowedDns))
        {
            problems.Add($"spec.dnsNames [{string.Join(", ", wantDns.Order())}] != certificate [{string.Join(", ", haveDns.Order())}]");
        }

        CompareSet(problems, "spec.ipAddresses", Normalise.IpAddresses(spec.IpAddresses), Normalise.IpAddresses(facts.IpAddresses));
        CompareSet(problems, "spec.uris", [.. spec.Uris ?? []], [.. facts.Uris]);
        CompareSet(problems, "spec.emailAddresses", Normalise.Emails(spec.EmailAddresses), Normalise.Emails(facts.EmailAddresses));
        if (spec.CommonName is { Length: > 0 } want && facts.CommonName is { } have && !string.Equals(want, have, StringComparison.Ordinal))
        {
            problems.Add($"spec.commonName \"{want}\" != certificate \"{have}\"");
        }

        return problems.Count == 0 ? null : new("SecretMismatch", $"Issuing certificate as Secret does not match spec: {string.Join("; ", problems)}");
    }

    private static void CompareSet(List<string> problems, string field, HashSet<string> want, HashSet<string> have)
    {
        if (!want.SetEquals(have))
        {
            problems.Add($"{field} [{string.Join(", ", want.Order())}] != certificate [{string.Join(", ", have.Order())}]");
        }
    }

    private static PolicyResult? CurrentRequestMatchesSpec(IssuanceInput input)
    {
        if (input.CurrentRequest is not { } request)
        {
            return null;
        }

        var spec = input.Certificate.Spec;
        var changed = new List<string>();
        if (!SameDuration(spec.Duration, request.Spec.Duration))
        {
            changed.Add("spec.duration");
        }

        if (!SameIssuer(spec.IssuerRef, request.Spec.IssuerRef))
        {
            changed.Add("spec.issuerRef");
        }

        if ((spec.IsCA ?? false) != (request.Spec.IsCA ?? false))
        {
            changed.Add("spec.isCA");
        }

        if (!Normalise.Usages(spec.Usages).SetEquals(Normalise.Usages(request.Spec.Usages)))
        {
            changed.Add("spec.usages");
        }

        return changed.Count == 0
            ? null
            : new("RequestChanged", $"Issuing certificate as the fields {string.Join(", ", changed)} changed since CertificateRequest \"{request.Metadata.Name}\" was issued");
    }

    private static bool SameDuration(string? a, string? b) =>
        string.Equals(a ?? "", b ?? "", StringComparison.Ordinal) || (GoDurationOrNull(a) is { } x && GoDurationOrNull(b) is { } y && x == y);

    private static TimeSpan? GoDurationOrNull(string? text) =>
        text is { Length: > 0 } && Pki.GoDuration.TryParse(text, out var value) ? value : null;

    private static bool SameIssuer(IssuerReference a, IssuerReference b) =>
        a.Name == b.Name && Normalise.Kind(a.Kind) == Normalise.Kind(b.Kind) && Normalise.Group(a.Group) == Normalise.Group(b.Group);

    private static PolicyResult? CertificateNotExpired(IssuanceInput input)
    {
        var notAfter = input.Secret!.Facts!.NotAfter;
        return input.Now >= notAfter
            ? new("Expired", $"Certificate expired on {notAfter.UtcDateTime.ToString("R", CultureInfo.InvariantCulture)}")
            : null;
    }

    private static PolicyResult? RenewalDue(IssuanceInput input)
    {
        var (at, windowError) = Renewal(input);
        if (at is not { } due || input.Now < due)
        {
            return null;
        }

        var when = due.UtcDateTime.ToString("u", CultureInfo.InvariantCulture);
        return windowError is null
            ? new("Renewing", $"Renewing certificate as renewal was scheduled at {when}")
            : new("Renewing", $"Renewing certificate without satisfying renewal windows at: {when}",
                new(WindowError, $"Renewing certificate without satisfying renewal windows due to {windowError}"));
    }

    /// <summary>When the certificate in the Secret should be renewed, from its validity, the spec's renewBefore settings, the ACME server's suggested window (ARI) and renewal windows.</summary>
    public static DateTimeOffset? RenewalTimeOf(IssuanceInput input) => Renewal(input).At;

    /// <summary>
    /// The renewal time (none with policy Disabled: cert-manager 1.21 then never renews on schedule, though a missing,
    /// expired or changed certificate is still reissued) and, when renewal windows cannot be met, why.
    /// </summary>
    public static (DateTimeOffset? At, string? WindowError) Renewal(IssuanceInput input)
    {
        if (input.Secret?.Facts is not { } facts)
        {
            return (null, null);
        }

        var spec = input.Certificate.Spec;
        var scheduled = RenewalSchedule.RenewalTime(facts.NotBefore, facts.NotAfter, GoDurationOrNull(spec.RenewBefore), spec.RenewBeforePercentage);
        var desired = AriRenewalTime.Choose(scheduled, input.Ari, facts.NotBefore);
        return RenewalSchedule.WithRenewalPolicy(facts.NotBefore, facts.NotAfter, desired, spec.Renewal);
    }
}
