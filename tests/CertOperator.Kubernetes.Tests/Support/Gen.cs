using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Kubernetes.Tests.Support;

/// <summary>Builders for test objects.</summary>
internal static class Gen
{
    public static ConfigMap ConfigMap(string name, string ns, Dictionary<string, string>? data = null) =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns }, Data = data ?? new() { ["key"] = "value" } };

    public static Secret Secret(string name, string ns, int bytes = 16) =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns }, Type = "Opaque", Data = new Dictionary<string, byte[]>() { ["payload"] = Enumerable.Repeat((byte)'x', bytes).ToArray() } };
}
