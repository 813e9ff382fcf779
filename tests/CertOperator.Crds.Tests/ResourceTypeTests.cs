using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Orders;

namespace CertOperator.Crds.Tests;

public sealed class ResourceTypeTests
{
    [Fact]
    public void Kinds_are_served_where_cert_manager_serves_them()
    {
        Certificate.Resource.CollectionPath("prod").Should().Be("/apis/cert-manager.io/v1/namespaces/prod/certificates");
        CertificateRequest.Resource.CollectionPath("prod").Should().Be("/apis/cert-manager.io/v1/namespaces/prod/certificaterequests");
        Issuer.Resource.CollectionPath("prod").Should().Be("/apis/cert-manager.io/v1/namespaces/prod/issuers");
        ClusterIssuer.Resource.ObjectPath("prod", "le").Should().Be("/apis/cert-manager.io/v1/clusterissuers/le");
        Order.Resource.CollectionPath("prod").Should().Be("/apis/acme.cert-manager.io/v1/namespaces/prod/orders");
        Challenge.Resource.CollectionPath(null).Should().Be("/apis/acme.cert-manager.io/v1/challenges");
    }
}
