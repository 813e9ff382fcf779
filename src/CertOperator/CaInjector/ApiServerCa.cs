using System.Text;
using CertOperator.Kubernetes.Client;

namespace CertOperator.CaInjector;

/// <summary>
/// The CA bundle the operator trusts for the Kubernetes API (kubeconfig certificate-authority, or the in-cluster
/// service account's ca.crt), as PEM: what cert-manager.io/inject-apiserver-ca injects.
/// </summary>
internal sealed class ApiServerCa(KubernetesClient client)
{
    private readonly Lazy<byte[]?> _pem = new(() => client.Configuration.CaCertificates is { Count: > 0 } certificates
        ? Encoding.ASCII.GetBytes(string.Concat(certificates.Select(c => c.ExportCertificatePem() + "\n")))
        : null);

    public byte[]? Pem => _pem.Value;
}
