using YamlDotNet.RepresentationModel;

namespace CertOperator.Kubernetes.Configuration;

/// <summary>
/// The parts of kubeconfig files we use, merged the way kubectl merges $KUBECONFIG: for each named
/// cluster, user and context, and for current-context, the first file that sets it wins.
/// </summary>
internal sealed class KubeconfigDocument
{
    public Dictionary<string, YamlEntry> Clusters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, YamlEntry> Users { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, YamlEntry> Contexts { get; } = new(StringComparer.Ordinal);

    public string? CurrentContext { get; private set; }

    public void Merge(string path, string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new KubernetesConfigurationException($"Kubeconfig {path} is not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        AddNamed(root, "clusters", "cluster", Clusters, path, directory);
        AddNamed(root, "users", "user", Users, path, directory);
        AddNamed(root, "contexts", "context", Contexts, path, directory);
        if (string.IsNullOrEmpty(CurrentContext))
        {
            CurrentContext = Scalar(root, "current-context");
        }
    }

    private static void AddNamed(YamlMappingNode root, string listKey, string itemKey, Dictionary<string, YamlEntry> into, string path, string directory)
    {
        if (Child(root, listKey) is not YamlSequenceNode list)
        {
            return;
        }

        foreach (var item in list.Children.OfType<YamlMappingNode>())
        {
            if (Scalar(item, "name") is { Length: > 0 } name && Child(item, itemKey) is YamlMappingNode body)
            {
                into.TryAdd(name, new YamlEntry(body, path, directory));
            }
        }
    }

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Scalar(YamlMappingNode node, string key) =>
        Child(node, key) is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;
}

/// <summary>One named cluster/user/context body and the file (and directory, for relative paths) it came from.</summary>
internal sealed record YamlEntry(YamlMappingNode Body, string SourcePath, string Directory)
{
    public string? Scalar(string key) => KubeconfigDocument.Scalar(Body, key);

    public string? FilePath(string key) => Scalar(key) is { } value ? Path.GetFullPath(value, Directory) : null;
}
