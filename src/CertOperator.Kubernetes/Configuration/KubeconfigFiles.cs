using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace CertOperator.Kubernetes.Configuration;

/// <summary>
/// Finds the kubeconfig files kubectl would use and hands them to KubernetesClient. It adds what KubernetesClient
/// leaves out for explicit paths: merging several files (first definition wins, like $KUBECONFIG), paths relative
/// to the file that holds them, and errors that name the files.
/// </summary>
internal static class KubeconfigFiles
{
    public static k8s.KubernetesClientConfiguration Load(KubeconfigOptions options)
    {
        var (paths, origin) = ResolvePaths(options);
        var existing = paths.Where(File.Exists).ToList();
        if (existing.Count == 0)
        {
            throw new KubernetesConfigurationException($"no kubeconfig file found ({origin}; tried {string.Join(", ", paths)})");
        }

        var files = string.Join(", ", existing);
        try
        {
            var merged = existing.Select(Read).Aggregate(Merge);
            if (options.Context is null && string.IsNullOrEmpty(merged.CurrentContext))
            {
                throw new KubernetesConfigurationException($"Kubeconfig {files}: no current-context set and no context given");
            }

            var roots = TakeCertificateAuthorities(merged, options.Context ?? merged.CurrentContext);
            var settings = k8s.KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, options.Context);
            settings.SslCaCerts = roots;
            return settings;
        }
        catch (Exception e) when (e is KubeConfigException or YamlDotNet.Core.YamlException or IOException or FormatException or CryptographicException)
        {
            throw new KubernetesConfigurationException($"Kubeconfig {files}: {e.Message}", e);
        }
    }

    private static (IReadOnlyList<string> Paths, string Origin) ResolvePaths(KubeconfigOptions options)
    {
        if (options.Paths is { Count: > 0 } explicitPaths)
        {
            return (explicitPaths, "explicit paths");
        }

        if (options.Environment("KUBECONFIG") is { Length: > 0 } variable)
        {
            return (variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries), "from KUBECONFIG");
        }

        var home = options.Environment("HOME") ?? options.Environment("USERPROFILE") ?? "~";
        return ([Path.Combine(home, ".kube", "config")], "KUBECONFIG not set, default location");
    }

    /// <summary>One file, with its relative file references made absolute, as kubectl resolves them.</summary>
    private static K8SConfiguration Read(string path)
    {
        var config = k8s.KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(path), useRelativePaths: false);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        foreach (var endpoint in (config.Clusters ?? []).Select(c => c.ClusterEndpoint).OfType<ClusterEndpoint>())
        {
            endpoint.CertificateAuthority = Absolute(endpoint.CertificateAuthority, directory);
        }

        foreach (var credentials in (config.Users ?? []).Select(u => u.UserCredentials).OfType<UserCredentials>())
        {
            credentials.ClientCertificate = Absolute(credentials.ClientCertificate, directory);
            credentials.ClientKey = Absolute(credentials.ClientKey, directory);
            if (credentials.ExternalExecution is { Command: { } command } exec && command.Contains('/', StringComparison.Ordinal))
            {
                exec.Command = Absolute(command, directory);
            }
        }

        return config;
    }

    /// <summary>
    /// Every certificate of the context's certificate-authority(-data), taken out of the model before KubernetesClient.Aot
    /// sees it: it loads exactly one certificate and fails on a CA bundle, which kubeconfigs carry during CA rotation.
    /// </summary>
    private static X509Certificate2Collection? TakeCertificateAuthorities(K8SConfiguration config, string? context)
    {
        var clusterName = config.Contexts?.FirstOrDefault(c => string.Equals(c.Name, context, StringComparison.OrdinalIgnoreCase))?.ContextDetails?.Cluster;
        var endpoint = config.Clusters?.FirstOrDefault(c => string.Equals(c.Name, clusterName, StringComparison.OrdinalIgnoreCase))?.ClusterEndpoint;
        if (endpoint is null)
        {
            return null;
        }

        var pem = !string.IsNullOrEmpty(endpoint.CertificateAuthorityData) ? Encoding.UTF8.GetString(Convert.FromBase64String(endpoint.CertificateAuthorityData))
            : !string.IsNullOrEmpty(endpoint.CertificateAuthority) ? File.ReadAllText(endpoint.CertificateAuthority)
            : null;
        endpoint.CertificateAuthorityData = null;
        endpoint.CertificateAuthority = null;
        if (pem is null)
        {
            return null;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(pem);
        return roots.Count > 0 ? roots : throw new KubernetesConfigurationException($"certificate-authority of cluster '{clusterName}' holds no PEM certificate");
    }

    private static string? Absolute(string? path, string directory) =>
        string.IsNullOrEmpty(path) ? path : Path.GetFullPath(path, directory);

    private static K8SConfiguration Merge(K8SConfiguration first, K8SConfiguration next)
    {
        first.CurrentContext = string.IsNullOrEmpty(first.CurrentContext) ? next.CurrentContext : first.CurrentContext;
        first.Clusters = Union(first.Clusters, next.Clusters, c => c.Name);
        first.Users = Union(first.Users, next.Users, u => u.Name);
        first.Contexts = Union(first.Contexts, next.Contexts, c => c.Name);
        return first;
    }

    private static List<T> Union<T>(IEnumerable<T>? first, IEnumerable<T>? next, Func<T, string> name) =>
        (first ?? []).Concat(next ?? []).DistinctBy(name, StringComparer.Ordinal).ToList();
}
