using System.Security.Cryptography.X509Certificates;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace CertOperator.Kubernetes.Configuration;

/// <summary>Resolves kubeconfig files and a context into a <see cref="KubernetesClientConfiguration"/>.</summary>
internal static class KubeconfigLoader
{
    public static KubernetesClientConfiguration Load(KubeconfigOptions options)
    {
        var (paths, origin) = ResolvePaths(options);
        var existing = paths.Where(File.Exists).ToList();
        if (existing.Count == 0)
        {
            throw new KubernetesConfigurationException($"no kubeconfig file found ({origin}; tried {string.Join(", ", paths)})");
        }

        var document = new KubeconfigDocument();
        foreach (var path in existing)
        {
            document.Merge(path, File.ReadAllText(path));
        }

        var files = string.Join(", ", existing);
        var contextName = options.Context ?? document.CurrentContext
            ?? throw new KubernetesConfigurationException($"Kubeconfig {files}: no current-context set and no context given");
        var context = document.Contexts.GetValueOrDefault(contextName)
            ?? throw new KubernetesConfigurationException(
                $"Kubeconfig {files}: context '{contextName}' not found (defined: {string.Join(", ", document.Contexts.Keys)})");
        var clusterName = context.Scalar("cluster") ?? throw new KubernetesConfigurationException($"Kubeconfig context '{contextName}' names no cluster");
        var cluster = document.Clusters.GetValueOrDefault(clusterName)
            ?? throw new KubernetesConfigurationException($"Kubeconfig context '{contextName}' refers to cluster '{clusterName}', which is not defined in {files}");
        var userName = context.Scalar("user");
        YamlEntry? user = null;
        if (userName is not null && !document.Users.TryGetValue(userName, out user))
        {
            throw new KubernetesConfigurationException($"Kubeconfig context '{contextName}' refers to user '{userName}', which is not defined in {files}");
        }

        return Build(contextName, context, cluster, user);
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

    private static KubernetesClientConfiguration Build(string contextName, YamlEntry context, YamlEntry cluster, YamlEntry? user)
    {
        var server = cluster.Scalar("server")
            ?? throw new KubernetesConfigurationException($"Kubeconfig {cluster.SourcePath}: cluster for context '{contextName}' has no server");
        if (!Uri.TryCreate(server, UriKind.Absolute, out var serverUri))
        {
            throw new KubernetesConfigurationException($"Kubeconfig {cluster.SourcePath}: server '{server}' is not an absolute URL");
        }

        return new KubernetesClientConfiguration
        {
            Server = serverUri,
            Namespace = context.Scalar("namespace"),
            CaCertificates = LoadCa(cluster),
            SkipTlsVerify = string.Equals(cluster.Scalar("insecure-skip-tls-verify"), "true", StringComparison.OrdinalIgnoreCase),
            TlsServerName = cluster.Scalar("tls-server-name"),
            ClientCertificate = user is null ? null : LoadClientCertificate(user),
            BearerToken = user?.Scalar("token"),
            TokenFile = user?.FilePath("tokenFile"),
            Exec = user is null ? null : LoadExec(user),
        };
    }

    private static X509Certificate2Collection? LoadCa(YamlEntry cluster)
    {
        var pem = PemSource(cluster, "certificate-authority-data", "certificate-authority");
        if (pem is null)
        {
            return null;
        }

        var collection = new X509Certificate2Collection();
        collection.ImportFromPem(pem);
        return collection.Count > 0 ? collection
            : throw new KubernetesConfigurationException($"Kubeconfig {cluster.SourcePath}: certificate-authority holds no PEM certificate");
    }

    private static X509Certificate2? LoadClientCertificate(YamlEntry user)
    {
        var cert = PemSource(user, "client-certificate-data", "client-certificate");
        var key = PemSource(user, "client-key-data", "client-key");
        if (cert is null && key is null)
        {
            return null;
        }

        if (cert is null || key is null)
        {
            throw new KubernetesConfigurationException($"Kubeconfig {user.SourcePath}: a client certificate needs both the certificate and the key");
        }

        try
        {
            return X509Certificate2.CreateFromPem(cert, key);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new KubernetesConfigurationException($"Kubeconfig {user.SourcePath}: client certificate or key is not valid PEM ({e.GetType().Name})", e);
        }
    }

    /// <summary>The base64 `*-data` value decoded, else the referenced file's text.</summary>
    private static string? PemSource(YamlEntry entry, string dataKey, string fileKey)
    {
        if (entry.Scalar(dataKey) is { } data)
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(data));
            }
            catch (FormatException e)
            {
                throw new KubernetesConfigurationException($"Kubeconfig {entry.SourcePath}: {dataKey} is not base64", e);
            }
        }

        if (entry.FilePath(fileKey) is not { } file)
        {
            return null;
        }

        return File.Exists(file) ? File.ReadAllText(file)
            : throw new KubernetesConfigurationException($"Kubeconfig {entry.SourcePath}: {fileKey} {file} does not exist");
    }

    private static ExecCredentialSettings? LoadExec(YamlEntry user)
    {
        if (KubeconfigDocument.Child(user.Body, "exec") is not YamlMappingNode exec)
        {
            return null;
        }

        var command = KubeconfigDocument.Scalar(exec, "command")
            ?? throw new KubernetesConfigurationException($"Kubeconfig {user.SourcePath}: exec credential plugin has no command");
        var args = KubeconfigDocument.Child(exec, "args") is YamlSequenceNode argList
            ? argList.Children.OfType<YamlScalarNode>().Select(a => a.Value ?? string.Empty).ToList() : [];
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (KubeconfigDocument.Child(exec, "env") is YamlSequenceNode envList)
        {
            foreach (var item in envList.Children.OfType<YamlMappingNode>())
            {
                env[KubeconfigDocument.Scalar(item, "name") ?? string.Empty] = KubeconfigDocument.Scalar(item, "value") ?? string.Empty;
            }
        }

        return new ExecCredentialSettings
        {
            Command = command,
            Args = args,
            Env = env,
            ApiVersion = KubeconfigDocument.Scalar(exec, "apiVersion") ?? "client.authentication.k8s.io/v1",
            InstallHint = KubeconfigDocument.Scalar(exec, "installHint"),
            WorkingDirectory = user.Directory,
        };
    }
}
