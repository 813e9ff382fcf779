using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Infrastructure;

/// <summary>Controller owner references: they make owned objects wake their owner and be garbage-collected with it.</summary>
internal static class Owners
{
    public static V1OwnerReference ControllerReference(IKubernetesObject owner) => new()
    {
        ApiVersion = owner.ApiVersion!,
        Kind = owner.Kind!,
        Name = owner.Metadata.Name!,
        Uid = owner.Metadata.Uid!,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    /// <summary>Whether an object of <paramref name="kind"/> is <paramref name="item"/>'s controller.</summary>
    public static bool ControlledBy(IKubernetesObject item, string kind) =>
        item.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Kind == kind) == true;
}
