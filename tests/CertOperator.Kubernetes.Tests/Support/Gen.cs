using CertOperator.Kubernetes.Model;

namespace CertOperator.Kubernetes.Tests.Support;

/// <summary>Builders for test objects.</summary>
internal static class Gen
{
    public static ConfigMap ConfigMap(string name, string ns, Dictionary<string, string>? data = null) =>
        new() { Metadata = new ObjectMeta { Name = name, Namespace = ns }, Data = data ?? new() { ["key"] = "value" } };

    public static Secret Secret(string name, string ns, int bytes = 16) =>
        new() { Metadata = new ObjectMeta { Name = name, Namespace = ns }, Type = "Opaque", Data = new() { ["payload"] = Enumerable.Repeat((byte)'x', bytes).ToArray() } };
}
