using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Informers;

namespace CertOperator.Issuers;

/// <summary>Resolves an issuerRef to the cached Issuer or ClusterIssuer, and where its Secrets live.</summary>
internal sealed class IssuerLookup(SharedInformerFactory informers, OperatorOptions options)
{
    public const string Group = "cert-manager.io";

    /// <summary>True for refs this operator serves; refs to other groups belong to external issuers.</summary>
    public static bool IsOurs(IssuerReference reference) => string.IsNullOrEmpty(reference.Group) || reference.Group == Group;

    public static bool IsCluster(IssuerReference reference) => reference.Kind == "ClusterIssuer";

    public IIssuerObject? Find(IssuerReference reference, string? ns) => IsCluster(reference)
        ? informers.GetInformer<ClusterIssuer>().Store.Find(new ObjectKey(null, reference.Name))
        : informers.GetInformer<Issuer>().Store.Find(new ObjectKey(ns, reference.Name));

    /// <summary>An Issuer's Secrets are in its own namespace; a ClusterIssuer's in the cluster resource namespace.</summary>
    public string SecretNamespace(IIssuerObject issuer) => issuer is ClusterIssuer ? options.ClusterResourceNamespace : issuer.Metadata.NamespaceProperty!;

    public static string Describe(IssuerReference reference) =>
        $"{(IsCluster(reference) ? "ClusterIssuer" : "Issuer")}.{Group}/{reference.Name}";
}
