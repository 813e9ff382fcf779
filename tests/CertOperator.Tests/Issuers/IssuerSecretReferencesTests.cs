using System.Collections;
using System.Reflection;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Issuers;

namespace CertOperator.Tests.Issuers;

public sealed class IssuerSecretReferencesTests
{
    public static TheoryData<string, IssuerSpec, string[]> Cases => new()
    {
        { "self-signed names no Secret", new IssuerSpec { SelfSigned = new SelfSignedIssuer() }, [] },
        { "CA key pair", new IssuerSpec { Ca = new CaIssuer { SecretName = "ca-key-pair" } }, ["ca-key-pair spec.ca.secretName CaKeyPair"] },
        { "CA without a secret name", new IssuerSpec { Ca = new CaIssuer() }, [] },
        {
            "ACME account key, EAB key and a TSIG secret in the second solver",
            new IssuerSpec
            {
                Acme = new AcmeIssuer
                {
                    PrivateKeySecretRef = new SecretKeySelector { Name = "account" },
                    ExternalAccountBinding = new AcmeExternalAccountBinding { KeySecretRef = new SecretKeySelector { Name = "eab" } },
                    Solvers =
                    [
                        new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01() },
                        new AcmeChallengeSolver { Dns01 = new AcmeChallengeSolverDns01 { Rfc2136 = new Rfc2136Provider { TsigSecretSecretRef = new SecretKeySelector { Name = "tsig" } } } },
                    ],
                },
            },
            [
                "account spec.acme.privateKeySecretRef AcmeAccountKey",
                "eab spec.acme.externalAccountBinding.keySecretRef ExternalAccountBindingKey",
                "tsig spec.acme.solvers[1].dns01.rfc2136.tsigSecretSecretRef Dns01Credential",
            ]
        },
        { "ACME without an account key name", new IssuerSpec { Acme = new AcmeIssuer() }, [] },
        {
            "Vault CA bundle, mutual TLS pair and the TLS certificate login Secret",
            new IssuerSpec
            {
                Vault = new()
                {
                    CaBundleSecretRef = new SecretKeySelector { Name = "vault-ca" },
                    ClientCertSecretRef = new SecretKeySelector { Name = "mtls" },
                    ClientKeySecretRef = new SecretKeySelector { Name = "mtls" },
                    Auth = new() { ClientCertificate = new() { SecretName = "cert-login" } },
                },
            },
            [
                "vault-ca spec.vault.caBundleSecretRef IssuerCredential",
                "mtls spec.vault.clientCertSecretRef IssuerCredential",
                "mtls spec.vault.clientKeySecretRef IssuerCredential",
                "cert-login spec.vault.auth.clientCertificate.secretName IssuerCredential",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lists_the_Secrets_an_issuer_names(string name, IssuerSpec spec, string[] expected)
    {
        IssuerSecretReferences.Of(spec).Select(r => $"{r.SecretName} {r.Field} {r.Role}").Should().Equal(expected, name);
    }

    /// <summary>
    /// Fills every SecretKeySelector reachable from IssuerSpec with a unique name: a provider field added to the
    /// CRD types later fails here until the Certificates are kept away from its Secret too.
    /// </summary>
    [Fact]
    public void Every_SecretKeySelector_of_an_issuer_spec_is_listed()
    {
        var names = new List<string>();
        var spec = (IssuerSpec)Fill(typeof(IssuerSpec), "spec", names);

        var listed = IssuerSecretReferences.Of(spec).ToList();

        names.Should().HaveCountGreaterThanOrEqualTo(14, "the CRD types have an account key, an EAB key and a dozen DNS-01 credentials");
        listed.Select(r => r.SecretName).Should().BeEquivalentTo(names.Append("spec.ca.secretName"));
        listed.Should().OnlyContain(r => r.SecretName == r.Field || r.SecretName == r.Field + ".name",
            "each reference names the field it came from");
    }

    private static object Fill(Type type, string path, List<string> names)
    {
        var item = Activator.CreateInstance(type)!;
        if (item is SecretKeySelector selector)
        {
            selector.Name = path + ".name";
            names.Add(selector.Name);
            return item;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var json = property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name
                ?? char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType == typeof(string) && type == typeof(CaIssuer) && property.Name == nameof(CaIssuer.SecretName))
            {
                property.SetValue(item, $"{path}.{json}");
            }
            else if (IsCrdType(propertyType))
            {
                property.SetValue(item, Fill(propertyType, $"{path}.{json}", names));
            }
            else if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(List<>) && IsCrdType(propertyType.GetGenericArguments()[0]))
            {
                var list = (IList)Activator.CreateInstance(propertyType)!;
                list.Add(Fill(propertyType.GetGenericArguments()[0], $"{path}.{json}[0]", names));
                property.SetValue(item, list);
            }
        }

        return item;
    }

    private static bool IsCrdType(Type type) =>
        type.IsClass && type.Namespace?.StartsWith("CertOperator.Crds", StringComparison.Ordinal) == true;
}
