using System.Text.Json.Nodes;
using CertOperator.Cli.Verbs;

namespace CertOperator.Tests.Cli;

public sealed class LegacyConverterTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "http01 {} becomes a catch-all ingress solver; privateKeySecretRef is kept",
            """
            apiVersion: certmanager.k8s.io/v1alpha1
            kind: Issuer
            metadata: {name: le, namespace: web}
            spec:
              acme: {server: "https://acme.test/dir", privateKeySecretRef: {name: le-key}, http01: {}}
            """,
            """
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata: {name: le, namespace: web}
            spec:
              acme:
                server: "https://acme.test/dir"
                privateKeySecretRef: {name: le-key}
                solvers: [{http01: {ingress: {}}}]
            """
        },
        {
            "Certificates' acme.config become selected solvers; their spec.acme is dropped",
            """
            apiVersion: certmanager.k8s.io/v1alpha1
            kind: ClusterIssuer
            metadata: {name: le}
            spec:
              acme:
                server: "https://acme.test/dir"
                privateKeySecretRef: {name: le-key}
                dns01:
                  providers:
                  - {name: prod, rfc2136: {nameserver: "10.0.0.1:53", tsigKeyName: k}}
            ---
            apiVersion: certmanager.k8s.io/v1alpha1
            kind: Certificate
            metadata: {name: web, namespace: default}
            spec:
              secretName: web-tls
              issuerRef: {name: le, kind: ClusterIssuer}
              dnsNames: [a.test, b.test, c.test]
              acme:
                config:
                - {http01: {ingressClass: nginx}, domains: [a.test]}
                - {dns01: {provider: prod}, domains: [b.test, c.test]}
            """,
            """
            apiVersion: cert-manager.io/v1
            kind: ClusterIssuer
            metadata: {name: le}
            spec:
              acme:
                server: "https://acme.test/dir"
                privateKeySecretRef: {name: le-key}
                solvers:
                - {selector: {dnsNames: [a.test]}, http01: {ingress: {class: nginx}}}
                - {selector: {dnsNames: [b.test, c.test]}, dns01: {rfc2136: {nameserver: "10.0.0.1:53", tsigKeyName: k}}}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: web, namespace: default}
            spec:
              secretName: web-tls
              issuerRef: {name: le, kind: ClusterIssuer}
              dnsNames: [a.test, b.test, c.test]
            """
        },
        {
            "keyAlgorithm, keySize, keyEncoding and organization move to privateKey and subject",
            """
            apiVersion: certmanager.k8s.io/v1alpha1
            kind: Certificate
            metadata: {name: k}
            spec: {secretName: k, issuerRef: {name: ca}, keyAlgorithm: ecdsa, keySize: 384, keyEncoding: pkcs8, organization: [Acme]}
            """,
            """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: k}
            spec: {secretName: k, issuerRef: {name: ca}, privateKey: {algorithm: ECDSA, size: 384, encoding: PKCS8}, subject: {organizations: [Acme]}}
            """
        },
        {
            "Other documents pass through; an Issuer's domains come only from Certificates in its namespace",
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: a}
            ---
            apiVersion: certmanager.k8s.io/v1alpha1
            kind: Issuer
            metadata: {name: le, namespace: a}
            spec: {acme: {server: "https://x/dir", privateKeySecretRef: {name: k}, http01: {}}}
            ---
            apiVersion: certmanager.k8s.io/v1alpha1
            kind: Certificate
            metadata: {name: c, namespace: b}
            spec: {secretName: c, issuerRef: {name: le}, acme: {config: [{http01: {ingressClass: x}, domains: [b.test]}]}}
            """,
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: a}
            ---
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata: {name: le, namespace: a}
            spec: {acme: {server: "https://x/dir", privateKeySecretRef: {name: k}, solvers: [{http01: {ingress: {}}}]}}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: c, namespace: b}
            spec: {secretName: c, issuerRef: {name: le}}
            """
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Converts(string name, string legacy, string expected)
    {
        var actual = LegacyConverter.Convert(legacy);

        JsonNode.DeepEquals(AsJson(actual), AsJson(expected)).Should().BeTrue($"{name}:\n{actual}");
    }

    [Fact]
    public void Converted_fields_take_the_place_of_those_they_replace_and_ambiguous_strings_stay_quoted()
    {
        var legacy = """
            apiVersion: certmanager.k8s.io/v1alpha1
            kind: Certificate
            metadata: {name: k, labels: {tier: "1", on: "true"}}
            spec: {secretName: k, keyAlgorithm: rsa, keySize: "2048", organization: [Acme], commonName: "*.a.test", duration: 2160h}
            """;

        LegacyConverter.Convert(legacy).Should().Be(
            """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: k
              labels:
                tier: "1"
                on: "true"
            spec:
              secretName: k
              privateKey:
                algorithm: RSA
                size: 2048
              subject:
                organizations:
                - Acme
              commonName: '*.a.test'
              duration: 2160h

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_certificate_naming_an_undefined_dns01_provider_is_an_error_naming_it()
    {
        var legacy = """
            apiVersion: certmanager.k8s.io/v1alpha1
            kind: Issuer
            metadata: {name: le}
            spec: {acme: {server: "https://x/dir", privateKeySecretRef: {name: k}}}
            ---
            apiVersion: certmanager.k8s.io/v1alpha1
            kind: Certificate
            metadata: {name: c}
            spec: {secretName: c, issuerRef: {name: le}, acme: {config: [{dns01: {provider: gone}, domains: [a.test]}]}}
            """;

        var convert = () => LegacyConverter.Convert(legacy);

        convert.Should().Throw<LegacyConversionException>().WithMessage("*\"gone\"*Issuer le*");
    }

    private static JsonArray AsJson(string yaml) => [.. LegacyConverter.Parse(yaml)];
}
