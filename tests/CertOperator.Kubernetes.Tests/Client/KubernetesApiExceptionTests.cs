using System.Net;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Kubernetes.Tests.Client;

public sealed class KubernetesApiExceptionTests
{
    [Theory]
    [InlineData(HttpStatusCode.NotFound, "NotFound", true, false, false, false)]
    [InlineData(HttpStatusCode.Conflict, "Conflict", false, true, false, false)]
    [InlineData(HttpStatusCode.Conflict, "AlreadyExists", false, false, true, false)]
    [InlineData(HttpStatusCode.Gone, "Expired", false, false, false, true)]
    public void Status_codes_and_reasons_are_distinguishable(HttpStatusCode code, string reason, bool notFound, bool conflict, bool exists, bool expired)
    {
        var error = KubernetesApiException.From(code, new V1Status { Reason = reason, Code = (int)code, Message = "m" }, "GET /x");

        (error.IsNotFound, error.IsConflict, error.IsAlreadyExists, error.IsExpired).Should().Be((notFound, conflict, exists, expired));
        (error is WatchExpiredException).Should().Be(expired);
        error.Message.Should().Be($"GET /x failed: {(int)code} {reason}: m");
    }
}
