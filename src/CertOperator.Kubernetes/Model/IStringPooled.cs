using CertOperator.Kubernetes.Informers;

namespace CertOperator.Kubernetes.Model;

/// <summary>
/// A kind whose cached copies repeat strings beyond their metadata (issuer references, condition texts, requester
/// identities). Informers call <see cref="PoolStrings"/> on every object before storing it, after its metadata has
/// been pooled; the object's content does not change, only which string instances hold it.
/// </summary>
public interface IStringPooled
{
    void PoolStrings(StringPool strings);
}
