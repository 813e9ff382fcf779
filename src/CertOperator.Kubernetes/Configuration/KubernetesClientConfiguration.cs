using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Kubernetes.Configuration;

/// <summary>Where the API server is and how to authenticate to it. Build one by hand, from kubeconfig, or in-cluster.</summary>
public sealed class KubernetesClientConfiguration
{
    public required Uri Server { get; init; }

    /// <summary>The namespace of the selected kubeconfig context, or the pod's own namespace in-cluster.</summary>
    public string? Namespace { get; init; }

    /// <summary>Roots trusted for the server certificate; null means the system store.</summary>
    public X509Certificate2Collection? CaCertificates { get; init; }

    public bool SkipTlsVerify { get; init; }

    public string? TlsServerName { get; init; }

    public X509Certificate2? ClientCertificate { get; init; }

    public string? BearerToken { get; init; }

    /// <summary>A file holding the bearer token, re-read when it changes (projected service-account tokens rotate).</summary>
    public string? TokenFile { get; init; }

    public ExecCredentialSettings? Exec { get; init; }

    /// <summary>Describes the target without any credential material.</summary>
    public override string ToString() => $"Kubernetes API {Server}";

    /// <summary>Reads kubeconfig (KUBECONFIG list merged first-wins, else ~/.kube/config) and selects a context.</summary>
    public static KubernetesClientConfiguration FromKubeconfig(KubeconfigOptions? options = null) =>
        KubeconfigLoader.Load(options ?? new KubeconfigOptions());

    /// <summary>The pod's service account: KUBERNETES_SERVICE_HOST/PORT, token and CA under /var/run/secrets/kubernetes.io/serviceaccount.</summary>
    public static KubernetesClientConfiguration InCluster(InClusterOptions? options = null) =>
        InClusterLoader.Load(options ?? new InClusterOptions());

    /// <summary>In-cluster when KUBERNETES_SERVICE_HOST is set, else kubeconfig; the error names everything tried.</summary>
    public static KubernetesClientConfiguration Load(KubeconfigOptions? kubeconfig = null, InClusterOptions? inCluster = null)
    {
        inCluster ??= new InClusterOptions();
        if (InClusterLoader.IsAvailable(inCluster))
        {
            return InCluster(inCluster);
        }

        try
        {
            return FromKubeconfig(kubeconfig);
        }
        catch (KubernetesConfigurationException e)
        {
            throw new KubernetesConfigurationException(
                $"No Kubernetes configuration found. In-cluster: {InClusterLoader.HostVariable} is not set. Kubeconfig: {e.Message}", e);
        }
    }
}
