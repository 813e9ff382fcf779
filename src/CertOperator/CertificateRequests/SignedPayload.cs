using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Orders;
using CertOperator.Infrastructure;

namespace CertOperator.CertificateRequests;

/// <summary>
/// The public outcome of a signing as a status carries it, base64-encoded PEM as in the API: the signed chain and,
/// for a CertificateRequest, the CA. Never a private key.
/// </summary>
internal sealed record SignedPayload(string Chain, string? Ca)
{
    /// <summary>The request's chain and CA, or null when it carries no chain (not signed, or trimmed by a cache).</summary>
    public static SignedPayload? Of(CertificateRequest? request) =>
        request?.Status?.Certificate is { } chain ? new(chain, request.Status.Ca) : null;

    /// <summary>The order's chain, or null when it carries none (not valid yet, or trimmed by a cache).</summary>
    public static SignedPayload? Of(Order? order) =>
        order?.Status?.Certificate is { Length: > 0 } chain ? new(chain, null) : null;

    /// <summary>
    /// What the issuing step will read back from a request: its payload when a Certificate owns it; null for a request
    /// made by hand or by another tool, whose chain nothing in this process reads.
    /// </summary>
    public static SignedPayload? ForIssuing(CertificateRequest request) =>
        Owners.ControlledBy(request, Certificate.Resource.Kind) ? Of(request) : null;
}
