namespace CertOperator.Kubernetes.Model;

/// <summary>
/// A kind whose cached copies may drop fields no controller reads from a cache. Informers call
/// <see cref="TrimForCache"/> on every object before storing it, while it still has its managedFields (dropped right
/// after); code that needs a dropped field GETs the object.
/// </summary>
public interface ICacheTrimmable
{
    void TrimForCache();
}
