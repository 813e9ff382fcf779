using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Kubernetes.Configuration;

/// <summary>Builds the configuration a pod gets from its service account.</summary>
internal static class InClusterLoader
{
    public const string HostVariable = "KUBERNETES_SERVICE_HOST";
    public const string PortVariable = "KUBERNETES_SERVICE_PORT";

    public static bool IsAvailable(InClusterOptions options) => !string.IsNullOrEmpty(options.Environment(HostVariable));

    public static KubernetesClientConfiguration Load(InClusterOptions options)
    {
        var host = options.Environment(HostVariable);
        var port = options.Environment(PortVariable);
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubernetesConfigurationException(
                $"In-cluster configuration needs {HostVariable} and {PortVariable} (got '{host}' and '{port}'); is this running in a pod?");
        }

        if (!File.Exists(options.TokenPath))
        {
            throw new KubernetesConfigurationException($"In-cluster configuration: service-account token {options.TokenPath} does not exist (automountServiceAccountToken disabled?)");
        }

        var ca = new X509Certificate2Collection();
        if (File.Exists(options.CaPath))
        {
            ca.ImportFromPemFile(options.CaPath);
        }

        var hostPart = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return new KubernetesClientConfiguration
        {
            Server = new Uri($"https://{hostPart}:{port}"),
            TokenFile = options.TokenPath,
            CaCertificates = ca.Count > 0 ? ca : null,
            Namespace = File.Exists(options.NamespacePath) ? File.ReadAllText(options.NamespacePath).Trim() : null,
        };
    }
}
