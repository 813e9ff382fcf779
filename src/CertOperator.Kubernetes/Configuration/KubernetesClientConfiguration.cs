using System.Security.Cryptography.X509Certificates;
using k8s.Authentication;

namespace CertOperator.Kubernetes.Configuration;

/// <summary>
/// Where the API server is and how to authenticate to it: a KubernetesClient (<c>k8s</c>) configuration, plus how to
/// load it again so that a 401 can fetch fresh credentials (exec plugin re-run, service-account token re-read).
/// </summary>
public sealed class KubernetesClientConfiguration
{
    private readonly Func<k8s.KubernetesClientConfiguration>? _reload;

    private KubernetesClientConfiguration(k8s.KubernetesClientConfiguration settings, Func<k8s.KubernetesClientConfiguration>? reload)
    {
        Settings = settings;
        Server = Uri.TryCreate(settings.Host, UriKind.Absolute, out var server) ? server
            : throw new KubernetesConfigurationException($"API server '{settings.Host}' is not an absolute URL");
        _reload = reload;
    }

    /// <summary>Roots trusted for the server certificate; null means the system store.</summary>
    public X509Certificate2Collection? CaCertificates => Settings.SslCaCerts;

    /// <summary>What KubernetesClient's handler and credentials are built from (CA, client certificate, token provider…).</summary>
    public k8s.KubernetesClientConfiguration Settings { get; }

    public Uri Server { get; }

    /// <summary>The namespace of the selected kubeconfig context, or the pod's own namespace in-cluster.</summary>
    public string? Namespace => Settings.Namespace;

    /// <summary>Describes the target without any credential material.</summary>
    public override string ToString() => $"Kubernetes API {Server}";

    /// <summary>Wraps a configuration built by hand; a 401 is final because there is nothing to reload.</summary>
    public static KubernetesClientConfiguration From(k8s.KubernetesClientConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings, null);
    }

    /// <summary>Reads kubeconfig (KUBECONFIG list merged first-wins, else ~/.kube/config) and selects a context.</summary>
    public static KubernetesClientConfiguration FromKubeconfig(KubeconfigOptions? options = null)
    {
        options ??= new KubeconfigOptions();
        return new(KubeconfigFiles.Load(options), () => KubeconfigFiles.Load(options));
    }

    /// <summary>The pod's service account: KUBERNETES_SERVICE_HOST/PORT, token and CA under /var/run/secrets/kubernetes.io/serviceaccount.</summary>
    public static KubernetesClientConfiguration InCluster() => new(LoadInCluster(), LoadInCluster);

    /// <summary>In-cluster when the pod's service account is there, else kubeconfig; the error names everything tried.</summary>
    public static KubernetesClientConfiguration Load(KubeconfigOptions? kubeconfig = null)
    {
        if (k8s.KubernetesClientConfiguration.IsInCluster())
        {
            return InCluster();
        }

        try
        {
            return FromKubeconfig(kubeconfig);
        }
        catch (KubernetesConfigurationException e)
        {
            throw new KubernetesConfigurationException(
                "No Kubernetes configuration found. In-cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not both set, "
                + $"or {InClusterDirectory}/token or ca.crt is missing. Kubeconfig: {e.Message}", e);
        }
    }

    /// <summary>Whether a 401 is worth one more try with freshly loaded credentials.</summary>
    internal bool CanReload => _reload is not null;

    /// <summary>Loads the configuration again and returns its credentials (runs an exec plugin, re-reads token files).</summary>
    internal ServiceClientCredentials? ReloadCredentials() =>
        _reload is null ? null : k8s.Kubernetes.CreateCredentials(_reload());

    private const string InClusterDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    private static k8s.KubernetesClientConfiguration LoadInCluster()
    {
        try
        {
            return k8s.KubernetesClientConfiguration.InClusterConfig();
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or System.Security.Cryptography.CryptographicException)
        {
            throw new KubernetesConfigurationException($"In-cluster configuration ({InClusterDirectory}): {e.Message}", e);
        }
    }
}
