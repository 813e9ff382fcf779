using CertOperator.Testing.RealKube;

namespace CertOperator.Tests.EndToEnd;

/// <summary>Counting kube-apiserver requests from its /metrics text, as the real-server tests do.</summary>
public sealed class ApiServerMetricsTests
{
    // Lines as kube-apiserver 1.24 writes them (trimmed to the labels that matter).
    private const string Metrics = """
        # HELP apiserver_request_total [STABLE] Counter of apiserver requests broken out for each verb, ...
        # TYPE apiserver_request_total counter
        apiserver_request_total{code="200",component="apiserver",group="cert-manager.io",resource="certificates",subresource="status",verb="PUT",version="v1"} 40
        apiserver_request_total{code="409",component="apiserver",group="cert-manager.io",resource="certificates",subresource="status",verb="PUT",version="v1"} 95
        apiserver_request_total{code="409",component="apiserver",group="cert-manager.io",resource="certificates",subresource="status",verb="PATCH",version="v1"} 2
        apiserver_request_total{code="409",component="apiserver",group="cert-manager.io",resource="certificates",subresource="",verb="PUT",version="v1"} 7
        apiserver_request_total{code="409",component="apiserver",group="",resource="secrets",subresource="",verb="POST",version="v1"} 3
        apiserver_request_total{code="500",component="",group="",resource="",subresource="/readyz",verb="GET",version=""} 18
        apiserver_request_duration_seconds_count{code="409",component="apiserver",group="cert-manager.io",resource="certificates",subresource="status",verb="PUT",version="v1"} 95
        """;

    public static TheoryData<string, ApiRequestFilter, long> Cases => new()
    {
        { "everything", new ApiRequestFilter(), 165 },
        { "409s on certificates/status", new ApiRequestFilter { Resource = "certificates", Subresource = "status", Code = "409" }, 97 },
        { "verb ignores case", new ApiRequestFilter { Verb = "put", Resource = "certificates", Subresource = "status", Code = "409" }, 95 },
        { "empty subresource is the object itself", new ApiRequestFilter { Resource = "certificates", Subresource = "", Code = "409" }, 7 },
        { "core group is the empty string", new ApiRequestFilter { Group = "", Code = "409" }, 3 },
        { "nothing matches", new ApiRequestFilter { Code = "403" }, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sums_apiserver_request_total_over_the_matching_series(string name, ApiRequestFilter filter, long expected) =>
        ApiServerMetrics.SumRequests(Metrics, filter).Should().Be(expected, name);
}
