using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Kubernetes.Configuration;

/// <summary>
/// Checks the API server's certificate against the kubeconfig's CA only, as client-go does (its root pool is the
/// certificate-authority, not the system's). KubernetesClient's own callback accepts a certificate whose name does not
/// match (tls-server-name or the server's host) whenever the chain needed the custom CA; with this policy and no
/// callback, TLS rejects every error. It also keeps the first handshake from loading the system's whole trust store,
/// which a callback behind the default policy did: about 100 ms of every start-up (measured with strace).
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
