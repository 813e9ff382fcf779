using System.Runtime.CompilerServices;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Orders;
using CertOperator.Crds.Serialization;
using CertOperator.Kubernetes.Model;

[assembly: InternalsVisibleTo("CertOperator.Crds.Tests")]

namespace CertOperator.Generation;

/// <summary>Renders config/crds from the API types in CertOperator.Crds; the YAML is never edited by hand.</summary>
public static class CrdGenerator
{
    /// <summary>File name → YAML text: one CustomResourceDefinition per kind plus a kustomization listing them.</summary>
    public static IReadOnlyDictionary<string, string> Render()
    {
        var schemas = new CrdSchemaBuilder(CertManagerJsonContext.Default.Options);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Add<Certificate>(files, schemas);
        Add<CertificateRequest>(files, schemas);
        Add<Issuer>(files, schemas);
        Add<ClusterIssuer>(files, schemas);
        Add<Order>(files, schemas);
        Add<Challenge>(files, schemas);
        files["Kustomization"] = CrdYaml.Serialize(new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
            ["kind"] = "Kustomization",
            ["resources"] = files.Keys.ToList(),
        });
        return files;
    }

    public static async Task WriteAsync(string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, yaml) in Render())
        {
            await File.WriteAllTextAsync(Path.Combine(directory, name), yaml, ct);
        }
    }

    private static void Add<T>(SortedDictionary<string, string> files, CrdSchemaBuilder schemas)
        where T : class, IKubernetesObject<T> =>
        files[$"{T.Resource.Group}_{T.Resource.Plural}.yaml"] = CrdYaml.Serialize(CrdDocument.For<T>(schemas));
}
