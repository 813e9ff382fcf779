using System.Text;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Tests.Certificates.Pki;

namespace CertOperator.Tests.Validation;

/// <summary>Builders for Issuer specs: a valid ACME issuer that a case then breaks, and valid solvers.</summary>
internal static class IssuerGen
{
    public static IssuerSpec Acme(Action<AcmeIssuer>? configure = null)
    {
        var acme = new AcmeIssuer
        {
            Server = "https://acme-staging-v02.api.letsencrypt.org/directory",
            Email = "admin@example.com",
            PrivateKeySecretRef = new SecretKeySelector { Name = "account-key" },
            Solvers = [Http01()],
        };
        configure?.Invoke(acme);
        return new IssuerSpec { Acme = acme };
    }

    public static IssuerSpec Solver(AcmeChallengeSolver solver) => Acme(a => a.Solvers = [solver]);

    public static IssuerSpec Dns01(Action<AcmeChallengeSolverDns01> configure)
    {
        var dns01 = new AcmeChallengeSolverDns01();
        configure(dns01);
        return Solver(new AcmeChallengeSolver { Dns01 = dns01 });
    }

    public static AcmeChallengeSolver Http01() => new()
    {
        Http01 = new AcmeChallengeSolverHttp01 { Ingress = new AcmeChallengeSolverHttp01Ingress { IngressClassName = "nginx" } },
    };

    public static Rfc2136Provider Rfc2136(string nameserver = "10.0.0.53:53") => new()
    {
        Nameserver = nameserver,
        TsigKeyName = "acme",
        TsigAlgorithm = "HMACSHA256",
        TsigSecretSecretRef = Secret("tsig", "secret"),
    };

    public static SecretKeySelector Secret(string name, string? key) => new() { Name = name, Key = key };

    /// <summary>The base64 of a PEM bundle with one CA certificate, as `caBundle` holds it.</summary>
    public static string CaBundle() => Convert.ToBase64String(Encoding.ASCII.GetBytes(PkiFixtures.Ca.Cert));
}
