using System.Net;
using k8s.Models;

namespace CertOperator.Kubernetes.Client;

/// <summary>A request the API server answered with an error; <see cref="Status"/> carries its reason, message and causes.</summary>
public class KubernetesApiException : Exception
{
    public KubernetesApiException(HttpStatusCode statusCode, V1Status status, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Status = status;
    }

    public KubernetesApiException()
        : this(HttpStatusCode.InternalServerError, new V1Status(), "Kubernetes API request failed")
    {
    }

    public KubernetesApiException(string message)
        : this(HttpStatusCode.InternalServerError, new V1Status { Message = message }, message)
    {
    }

    public KubernetesApiException(string message, Exception innerException)
        : this(HttpStatusCode.InternalServerError, new V1Status { Message = message }, message, innerException)
    {
    }

    public HttpStatusCode StatusCode { get; }

    public V1Status Status { get; }

    public string? Reason => Status.Reason;

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>409 because the object changed since it was read (optimistic concurrency); retry with a fresh read.</summary>
    public bool IsConflict => StatusCode == HttpStatusCode.Conflict && Status.Reason != "AlreadyExists";

    /// <summary>422: the object failed the server's validation; Status.Message names the field. Retrying the same write cannot help.</summary>
    public bool IsInvalid => StatusCode == HttpStatusCode.UnprocessableEntity;

    public bool IsAlreadyExists => StatusCode == HttpStatusCode.Conflict && Status.Reason == "AlreadyExists";

    /// <summary>410 Gone / reason Expired: the requested resourceVersion is older than the server keeps; relist.</summary>
    public bool IsExpired => StatusCode == HttpStatusCode.Gone || Status.Reason is "Expired" or "Gone";

    internal static KubernetesApiException From(HttpStatusCode code, V1Status status, string operation)
    {
        var message = $"{operation} failed: {(int)code} {status.Reason ?? code.ToString()}: {status.Message}";
        return code == HttpStatusCode.Gone || status.Code == 410
            ? new WatchExpiredException(status, message)
            : new KubernetesApiException(code, status, message);
    }
}
