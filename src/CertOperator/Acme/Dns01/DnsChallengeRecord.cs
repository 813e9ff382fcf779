using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;

namespace CertOperator.Acme.Dns01;

/// <summary>One DNS-01 TXT value to publish or withdraw, with what a provider needs to find its credentials.</summary>
/// <param name="Challenge">The Challenge being solved (its spec carries the domain, the key and the solver).</param>
/// <param name="Config">The Challenge's `dns01` solver configuration; exactly one provider field is set.</param>
/// <param name="Fqdn">The absolute record name (trailing dot): `_acme-challenge.&lt;domain&gt;.`, or the end of its CNAME chain under `cnameStrategy: Follow`.</param>
/// <param name="SecretNamespace">Where the provider's credential Secrets are read: the Issuer's namespace, or the cluster resource namespace for a ClusterIssuer.</param>
/// <param name="AllowAmbientCredentials">Whether the provider may use credentials of the operator's environment (instance metadata, workload identity), as cert-manager's --cluster-issuer-ambient-credentials / --issuer-ambient-credentials allow.</param>
internal sealed record DnsChallengeRecord(
    Challenge Challenge,
    AcmeChallengeSolverDns01 Config,
    string Fqdn,
    string SecretNamespace,
    bool AllowAmbientCredentials)
{
    /// <summary>The TXT value the ACME server expects.</summary>
    public string Value => Challenge.Spec.Key;

    /// <summary>The domain being validated, without `*.` (`example.com` for `*.example.com`).</summary>
    public string DnsName => Challenge.Spec.DnsName;
}
