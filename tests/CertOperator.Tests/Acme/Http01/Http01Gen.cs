using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Meta;
using CertOperator.Kubernetes.Model;

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
        return new Challenge
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns, Uid = "uid-" + name },
            Spec = new ChallengeSpec
            {
                Url = "https://acme.test/chall/1",
                AuthorizationUrl = "https://acme.test/authz/1",
                DnsName = dnsName,
                Type = "HTTP-01",
                Token = token,
                Key = key,
                Solver = new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01 { Ingress = config } },
                IssuerRef = new IssuerReference { Name = "acme", Kind = "Issuer" },
            },
        };
    }
}
