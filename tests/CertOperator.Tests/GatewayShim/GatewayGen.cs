using CertOperator.Crds.Certificates;
using CertOperator.IngressShim;
using CertOperator.Kubernetes.Model;
using CertOperator.Tests.IngressShim;
using k8s.Models;

namespace CertOperator.Tests.GatewayShim;

/// <summary>
/// Builders for gateway-shim tests, shaped like cert-manager's sync_test Gateway fixtures: its namespace, a
/// Gateway whose UID is its name, and Certificates it controls carrying the HTTP-01 parentRef annotations.
/// </summary>
internal static class GatewayGen
{
    public const string Ns = ShimGen.Ns;

    public static Dictionary<string, string> ClusterIssuer(string name = "issuer-name") => ShimGen.ClusterIssuer(name);

    public static Dictionary<string, string> Issuer(string name = "issuer-name") => ShimGen.Issuer(name);

    public static IngressShimDefaults Defaults(string? name = null, string kind = "", string group = "") => ShimGen.Defaults(name, kind, group);

    /// <summary>cert-manager's buildParentRefAnnotations: the Gateway named as the HTTPRoutes' parent.</summary>
    public static Dictionary<string, string> ParentRef(string gateway = "gateway-name") => new()
    {
        ["acme.cert-manager.io/http01-parentrefname"] = gateway,
        ["acme.cert-manager.io/http01-parentrefkind"] = "Gateway",
    };

    /// <summary>A listener; with no protocol given it is HTTPS on 443 in Terminate mode with core/Secret references.</summary>
    public static GatewayListener Listener(string? hostname, string[] secrets, string protocol = "HTTPS", string? mode = "Terminate", string? name = null) => new()
    {
        Name = name,
        Hostname = hostname,
        Port = 443,
        Protocol = protocol,
        Tls = new GatewayTlsConfig
        {
            Mode = mode,
            CertificateRefs = [.. secrets.Select(s => new SecretObjectReference { Group = "core", Kind = "Secret", Name = s })],
        },
    };

    public static GatewayListener Https(string? hostname, params string[] secrets) => Listener(hostname, secrets);

    public static Gateway Gateway(Dictionary<string, string>? annotations, GatewayListener[]? listeners = null, Dictionary<string, string>? labels = null, string name = "gateway-name") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns, Uid = name, Annotations = annotations, Labels = labels },
        Spec = new GatewaySpec { GatewayClassName = "test-gateway", Listeners = listeners?.ToList() },
    };

    /// <summary>A Certificate as the Gateway "gateway-name" would own it (null <paramref name="owner"/>: no owner).</summary>
    public static Certificate Cert(
        string name = "example-com-tls",
        string[]? dns = null,
        string kind = "ClusterIssuer",
        string? group = null,
        Dictionary<string, string>? labels = null,
        Dictionary<string, string>? annotations = null,
        string? owner = "gateway-name",
        string[]? usages = null,
        Action<CertificateSpec>? spec = null)
    {
        var certificate = ShimGen.Cert(name, dns ?? ["example.com"], null, kind, group, labels, annotations, owner: null, usages, spec);
        certificate.Metadata.OwnerReferences = owner is null ? null : [Owner(owner)];
        return certificate;
    }

    public static V1OwnerReference Owner(string gateway) => new()
    {
        ApiVersion = "gateway.networking.k8s.io/v1", Kind = "Gateway", Name = gateway, Uid = gateway, Controller = true, BlockOwnerDeletion = true,
    };
}
