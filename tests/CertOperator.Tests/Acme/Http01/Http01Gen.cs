using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Meta;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Tests.Acme.Http01;

/// <summary>Builders for HTTP-01 challenges and their solver config.</summary>
internal static class Http01Gen
{
    public static Challenge Challenge(
        string name = "web-1-2-3", string ns = "default", string dnsName = "example.com", string token = "tok-123",
        string key = "tok-123.thumbprint", Action<AcmeChallengeSolverHttp01Ingress>? ingress = null)
    {
        var config = new AcmeChallengeSolverHttp01Ingress();
        ingress?.Invoke(config);
        return Build(name, ns, dnsName, token, key, new AcmeChallengeSolverHttp01 { Ingress = config });
    }

    /// <summary>A challenge solved through an HTTPRoute attached to the Gateway "gw" in its namespace.</summary>
    public static Challenge GatewayChallenge(string ns = "default", string dnsName = "example.com", Action<AcmeChallengeSolverHttp01GatewayHttpRoute>? route = null)
    {
        var config = new AcmeChallengeSolverHttp01GatewayHttpRoute { ParentRefs = [new GatewayParentReference { Name = "gw", Namespace = ns }] };
        route?.Invoke(config);
        return Build("web-1-2-3", ns, dnsName, "tok-123", "tok-123.thumbprint", new AcmeChallengeSolverHttp01 { GatewayHttpRoute = config });
    }

    private static Challenge Build(string name, string ns, string dnsName, string token, string key, AcmeChallengeSolverHttp01 http01)
    {
        return new Challenge
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Uid = "uid-" + name },
            Spec = new ChallengeSpec
            {
                Url = "https://acme.test/chall/1",
                AuthorizationUrl = "https://acme.test/authz/1",
                DnsName = dnsName,
                Type = "HTTP-01",
                Token = token,
                Key = key,
                Solver = new AcmeChallengeSolver { Http01 = http01 },
                IssuerRef = new IssuerReference { Name = "acme", Kind = "Issuer" },
            },
        };
    }
}
