using CertOperator.Crds.CertificateRequests;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Crds.Tests;

/// <summary>Cached CertificateRequests drop their PEM payloads exactly when nothing will be signed or written for them any more.</summary>
public sealed class CertificateRequestCacheTrimTests
{
    public static TheoryData<string, string[], bool> Rows => new()
    {
        { "new, no conditions", [], false },
        { "approved, waiting", ["Approved=True/cert-manager.io", "Ready=False/Pending"], false },
        { "issued", ["Approved=True/cert-manager.io", "Ready=True/Issued"], true },
        { "failed", ["Approved=True/cert-manager.io", "Ready=False/Failed"], true },
        { "denied", ["Denied=True/policy", "Ready=False/Denied"], true },
        { "invalid", ["InvalidRequest=True/Failed"], true },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Finished_requests_keep_no_csr_chain_or_ca(string name, string[] conditions, bool trimmed)
    {
        var request = new CertificateRequest
        {
            Spec = new CertificateRequestSpec { Request = "Q1NS" },
            Status = new CertificateRequestStatus
            {
                Certificate = "Q0hBSU4=",
                Ca = "Q0E=",
                Conditions = [.. conditions.Select(c => c.Split('=', '/')).Select(p => new Condition { Type = p[0], Status = p[1], Reason = p[2] })],
            },
        };

        request.TrimForCache();

        request.IsPayloadTrimmed().Should().Be(trimmed, name);
        request.Spec.Request.Should().Be(trimmed ? "" : "Q1NS", name);
        request.Status.Certificate.Should().Be(trimmed ? null : "Q0hBSU4=", name);
        request.Status.Ca.Should().Be(trimmed ? null : "Q0E=", name);
        CertificateRequest.IsFinished(request.Status.Conditions).Should().Be(trimmed, name);
        request.Status.Conditions.Should().HaveCount(conditions.Length, "conditions and everything else stay");
    }
}
