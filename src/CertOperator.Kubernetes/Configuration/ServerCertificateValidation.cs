using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Kubernetes.Configuration;

/// <summary>
/// Checks the API server's certificate against the kubeconfig's CA only, as client-go does (its root pool is the
/// certificate-authority, not the system's). KubernetesClient's own callback accepts a certificate whose name does not
/// match (tls-server-name or the server's host) whenever the chain needed the custom CA; with this policy and no
/// callback, TLS rejects every error. (.NET still loads the system's trust store on the first handshake, to look for
/// intermediates; the `run` verb starts that load early, see its SystemTrustStore.)
/// </summary>
internal static class ServerCertificateValidation
{
    public static X509ChainPolicy TrustingOnly(X509Certificate2Collection roots)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(roots);
        return policy;
    }
}
