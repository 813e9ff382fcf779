using System.Net;
using k8s.Models;

namespace CertOperator.Kubernetes.Client;

/// <summary>The watch's resourceVersion is too old (HTTP 410 or an ERROR event with code 410): list again, then watch from the new list.</summary>
public sealed class WatchExpiredException : KubernetesApiException
{
    public WatchExpiredException(V1Status status, string message)
        : base(HttpStatusCode.Gone, status, message)
    {
    }

    public WatchExpiredException()
        : this(new V1Status { Code = 410, Reason = "Expired" }, "resourceVersion expired")
    {
    }

    public WatchExpiredException(string message)
        : this(new V1Status { Code = 410, Reason = "Expired", Message = message }, message)
    {
    }

    public WatchExpiredException(string message, Exception innerException)
        : base(HttpStatusCode.Gone, new V1Status { Code = 410, Reason = "Expired", Message = message }, message, innerException)
    {
    }
}
