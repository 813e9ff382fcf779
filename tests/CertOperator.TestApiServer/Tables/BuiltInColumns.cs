using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Model;

namespace CertOperator.TestApiServer.Tables;

/// <summary>Table columns for built-in kinds, close to what kube-apiserver prints (after the Name column).</summary>
internal static class BuiltInColumns
{
    private static readonly PrinterColumn Age = new("Age", "date", 0, "CreationTimestamp is a timestamp representing the server time when this object was created.", Compute: o => o["metadata"]?["creationTimestamp"]);

    public static IReadOnlyList<PrinterColumn> Default { get; } = [Age];

    public static IReadOnlyList<PrinterColumn> Namespace { get; } = [Path("Status", ".status.phase", "The status of the namespace"), Age];

    public static IReadOnlyList<PrinterColumn> Secret { get; } =
    [
        Path("Type", ".type", "The type of the secret"),
        new("Data", "integer", 0, "The number of entries in the secret", Compute: o => Count(o["data"])),
        Age,
    ];

    public static IReadOnlyList<PrinterColumn> ConfigMap { get; } =
        [new("Data", "integer", 0, "Number of data in the configmap", Compute: o => Count(o["data"]) + Count(o["binaryData"])), Age];

    public static IReadOnlyList<PrinterColumn> Service { get; } =
    [
        Path("Type", ".spec.type", "The type of service"),
        Path("Cluster-IP", ".spec.clusterIP", "Internal IP of the service"),
        new("External-IP", "string", 0, "External IP of the service", Compute: _ => "<none>"),
        new("Port(s)", "string", 0, "The ports of the service", Compute: o => Join((o["spec"]?["ports"] as JsonArray ?? []).Select(p => $"{p?["port"]}/{JsonNodes.Str(p, "protocol") ?? "TCP"}"))),
        Age,
        new("Selector", "string", 1, "The label selector of the service", Compute: o => Join(JsonNodes.StringMap(o["spec"]?["selector"]).Select(p => $"{p.Key}={p.Value}"))),
    ];

    public static IReadOnlyList<PrinterColumn> Pod { get; } =
    [
        new("Ready", "string", 0, "The aggregate readiness state of this pod for accepting traffic.", Compute: o => $"0/{(o["spec"]?["containers"] as JsonArray)?.Count ?? 0}"),
        new("Status", "string", 0, "The aggregate status of the containers in this pod.", Compute: o => JsonNodes.Str(o, "status", "phase") ?? "Pending"),
        new("Restarts", "string", 0, "The number of times the containers in this pod have been restarted.", Compute: _ => "0"),
        Age,
    ];

    public static IReadOnlyList<PrinterColumn> Event { get; } =
    [
        new("Last Seen", "date", 0, "Time when the most recent occurrence of this event was recorded.", Compute: o => o["lastTimestamp"] ?? o["eventTime"] ?? o["metadata"]?["creationTimestamp"]),
        Path("Type", ".type", "Type of this event."),
        Path("Reason", ".reason", "Why the action was taken."),
        new("Object", "string", 0, "The object this Event is about.", Compute: o => $"{(JsonNodes.Str(o, "involvedObject", "kind") ?? JsonNodes.Str(o, "regarding", "kind"))?.ToLowerInvariant()}/{JsonNodes.Str(o, "involvedObject", "name") ?? JsonNodes.Str(o, "regarding", "name")}"),
        new("Message", "string", 0, "A human-readable description of the status of this operation.", Compute: o => o["message"] ?? o["note"]),
    ];

    public static IReadOnlyList<PrinterColumn> Ingress { get; } =
    [
        new("Class", "string", 0, "The name of the IngressClass resource.", Compute: o => JsonNodes.Str(o, "spec", "ingressClassName") ?? "<none>"),
        new("Hosts", "string", 0, "Hosts that incoming requests are matched against.", Compute: o => Join((o["spec"]?["rules"] as JsonArray ?? []).Select(r => JsonNodes.Str(r, "host") ?? "*")) is { Length: > 0 } hosts ? hosts : "*"),
        new("Address", "string", 0, "Address is a list containing ingress points for the load-balancer.", Compute: o => Join((o["status"]?["loadBalancer"]?["ingress"] as JsonArray ?? []).Select(i => JsonNodes.Str(i, "ip") ?? JsonNodes.Str(i, "hostname") ?? ""))),
        new("Ports", "string", 0, "Ports of TLS configurations that open.", Compute: o => o["spec"]?["tls"] is JsonArray { Count: > 0 } ? "80, 443" : "80"),
        Age,
    ];

    public static IReadOnlyList<PrinterColumn> Lease { get; } = [Path("Holder", ".spec.holderIdentity", "The holder of the lease"), Age];

    public static IReadOnlyList<PrinterColumn> Crd { get; } =
        [new("Created At", "date", 0, "CreationTimestamp of the CustomResourceDefinition.", Compute: o => o["metadata"]?["creationTimestamp"]) { Format = "date-time" }];

    private static PrinterColumn Path(string name, string path, string description) => new(name, "string", 0, description, path);

    private static int Count(JsonNode? map) => (map as JsonObject)?.Count ?? 0;

    private static string Join(IEnumerable<string> parts) => string.Join(',', parts);
}
