using System.Text;
using CertOperator.Certificates.Policies;
using CertOperator.Crds.Certificates;
using CertOperator.Issuers;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Tests.Certificates.Policies;

public sealed class SecretOwnershipTests
{
    /// <summary>Every data value in these Secrets; no message may ever contain it.</summary>
    private const string Value = "PRIVATE-VALUE-7d1f";

    private const string CertificateName = "cert-manager.io/certificate-name";

    /// <summary>One row: the Certificate "web" (secretName "web-tls") in a named situation, and the conflict it must see.</summary>
    public sealed class Row
    {
        internal Row(string name, Secret? secret, string? reason, bool blocks = true, string[]? mentions = null)
        {
            Name = name;
            Secret = secret;
            Reason = reason;
            Blocks = blocks;
            Mentions = mentions ?? [];
        }

        public string Name { get; }

        internal Secret? Secret { get; }

        internal string? Reason { get; }

        internal bool Blocks { get; }

        internal string[] Mentions { get; }

        internal List<IssuerSecretUse> Uses { get; init; } = [];

        internal List<Certificate> Others { get; init; } = [];

        internal Certificate Certificate { get; init; } = Web();

        public override string ToString() => Name;
    }

    private static Certificate Web() => Gen.Certificate("web");

    private static Certificate Other(string name, int createdMinutesAgo = 0)
    {
        var other = Gen.Certificate(name, spec: s => s.SecretName = "web-tls");
        other.Metadata.CreationTimestamp = Gen.Now.AddMinutes(-createdMinutesAgo).UtcDateTime;
        return other;
    }

    private static Secret Secret(string? type, string[] keys, Dictionary<string, string>? annotations = null, V1OwnerReference? owner = null, bool immutable = false) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-tls", NamespaceProperty = "default", Annotations = annotations, OwnerReferences = owner is null ? null : [owner] },
        Type = type,
        Data = keys.ToDictionary(k => k, _ => Encoding.ASCII.GetBytes(Value)),
        Immutable = immutable,
    };

    private static Secret Tls(params string[] keys) => Secret("kubernetes.io/tls", keys);

    private static Secret Annotated(string certificate, params string[] keys) =>
        Secret("kubernetes.io/tls", keys, new() { [CertificateName] = certificate });

    private static V1OwnerReference ControlledBy(string kind, string name, string uid) =>
        new() { ApiVersion = "v1", Kind = kind, Name = name, Uid = uid, Controller = true };

    private static IssuerSecretUse Use(string kind, string issuer, string field, IssuerSecretRole role) =>
        new(kind, issuer, new IssuerSecretReference("web-tls", field, role));

    private static readonly IssuerSecretUse CaOfIssuer = Use("Issuer", "ca", "spec.ca.secretName", IssuerSecretRole.CaKeyPair);
    private static readonly IssuerSecretUse CaOfClusterIssuer = Use("ClusterIssuer", "root", "spec.ca.secretName", IssuerSecretRole.CaKeyPair);
    private static readonly IssuerSecretUse AccountKey = Use("ClusterIssuer", "letsencrypt", "spec.acme.privateKeySecretRef", IssuerSecretRole.AcmeAccountKey);
    private static readonly IssuerSecretUse EabKey = Use("Issuer", "zerossl", "spec.acme.externalAccountBinding.keySecretRef", IssuerSecretRole.ExternalAccountBindingKey);
    private static readonly IssuerSecretUse Tsig = Use("Issuer", "dns", "spec.acme.solvers[1].dns01.rfc2136.tsigSecretSecretRef", IssuerSecretRole.Dns01Credential);
    private static readonly IssuerSecretUse Cloudflare = Use("ClusterIssuer", "cf", "spec.acme.solvers[0].dns01.cloudflare.apiTokenSecretRef", IssuerSecretRole.Dns01Credential);

    public static TheoryData<Row> Cases => new()
    {
        new("absent", null, null),
        new("ours by annotation", Annotated("web", "tls.crt", "tls.key", "keystore.p12", "user-added"), null),
        new("ours by controller owner reference", Secret("kubernetes.io/tls", ["tls.crt", "tls.key"], owner: ControlledBy("Certificate", "web", "uid-web")), null),
        new("ours and the CA key pair of an Issuer (CA bootstrap)", Annotated("web", "tls.crt", "tls.key", "ca.crt"), null) { Uses = [CaOfIssuer] },
        new("empty Opaque Secret", Secret("Opaque", []), null),
        new("empty Secret without a type", Secret(null, []), null),
        new("empty kubernetes.io/tls Secret", Tls(), null),
        new("unclaimed kubernetes.io/tls key pair", Tls("tls.crt", "tls.key", "ca.crt"), null),
        new("left by a Certificate that no longer names it", Annotated("renamed", "tls.crt", "tls.key", "keystore.p12", "truststore.jks"), null),
        new("kubernetes.io/tls with other data", Tls("tls.crt", "tls.key", "password"), "SecretConflict", mentions: ["password", "cert-manager.io/certificate-name: \"web\""]),
        new("Opaque with data", Secret("Opaque", ["username", "password"]), "SecretConflict", mentions: ["\"Opaque\"", "password", "username"]),
        new("service account token", Secret("kubernetes.io/service-account-token", ["ca.crt", "namespace", "token"]), "SecretConflict", mentions: ["kubernetes.io/service-account-token"]),
        new("empty service account token", Secret("kubernetes.io/service-account-token", []), "SecretConflict", mentions: ["kubernetes.io/service-account-token"]),
        new("docker config", Secret("kubernetes.io/dockerconfigjson", [".dockerconfigjson"]), "SecretConflict", mentions: ["kubernetes.io/dockerconfigjson"]),
        new("immutable kubernetes.io/tls", Secret("kubernetes.io/tls", ["tls.crt", "tls.key"], immutable: true), "SecretConflict", mentions: ["immutable"]),
        new("controlled by another object", Secret("kubernetes.io/tls", ["tls.crt", "tls.key"], owner: ControlledBy("Deployment", "app", "uid-app")), "SecretConflict", mentions: ["Deployment \"app\""]),
        new("CA key pair of an Issuer", Tls("tls.crt", "tls.key"), "SecretInUse", mentions: ["CA key pair", "Issuer \"ca\"", "spec.ca.secretName"]) { Uses = [CaOfIssuer] },
        new("CA key pair of a ClusterIssuer", Tls("tls.crt", "tls.key"), "SecretInUse", mentions: ["CA key pair", "ClusterIssuer \"root\""]) { Uses = [CaOfClusterIssuer] },
        new("CA key pair of an Issuer, not yet created", null, null) { Uses = [CaOfIssuer] },
        new("ACME account key", Secret("Opaque", ["tls.key"]), "SecretInUse", mentions: ["ACME account key", "ClusterIssuer \"letsencrypt\"", "spec.acme.privateKeySecretRef"]) { Uses = [AccountKey] },
        new("ACME account key, not yet generated", null, "SecretInUse", mentions: ["ACME account key"]) { Uses = [AccountKey] },
        new("ACME account key annotated as ours", Annotated("web", "tls.crt", "tls.key"), "SecretInUse", mentions: ["ACME account key"]) { Uses = [AccountKey] },
        new("EAB key", Secret("Opaque", ["secret"]), "SecretInUse", mentions: ["external account binding key", "Issuer \"zerossl\""]) { Uses = [EabKey] },
        new("TSIG secret", Secret("Opaque", ["tsig-secret-key"]), "SecretInUse", mentions: ["DNS-01 solver credential", "spec.acme.solvers[1].dns01.rfc2136.tsigSecretSecretRef"]) { Uses = [Tsig] },
        new("DNS-01 credential in a kubernetes.io/tls Secret", Tls("tls.crt"), "SecretInUse", mentions: ["cloudflare.apiTokenSecretRef"]) { Uses = [Cloudflare] },
        new("credential wins over the CA key pair", Tls("tls.crt", "tls.key"), "SecretInUse", mentions: ["ACME account key"]) { Uses = [CaOfIssuer, AccountKey] },
        new("another Certificate's Secret", Annotated("api", "tls.crt", "tls.key"), "DuplicateSecretName", mentions: ["Certificate \"api\""]) { Others = [Other("api")] },
        new("ours, also named by another Certificate", Annotated("web", "tls.crt", "tls.key"), "DuplicateSecretName", blocks: false, mentions: ["Certificate \"api\""]) { Others = [Other("api")] },
        new("absent, named by an older Certificate", null, "DuplicateSecretName", mentions: ["Certificate \"api\"", "created first"])
        {
            Others = [Other("api", createdMinutesAgo: 5)],
            Certificate = WithCreation(Web(), minutesAgo: 1),
        },
        new("absent, named by a newer Certificate", null, "DuplicateSecretName", blocks: false, mentions: ["Certificate \"api\""])
        {
            Others = [Other("api", createdMinutesAgo: 1)],
            Certificate = WithCreation(Web(), minutesAgo: 5),
        },
        new("unclaimed key pair, named by an older Certificate", Tls("tls.crt", "tls.key"), "DuplicateSecretName", mentions: ["Certificate \"api\""])
        {
            Others = [Other("api", createdMinutesAgo: 5)],
            Certificate = WithCreation(Web(), minutesAgo: 1),
        },
        new("same creation time: the first name wins", null, "DuplicateSecretName", mentions: ["Certificate \"api\""]) { Others = [Other("api")], Certificate = WithCreation(Web(), 0) },
    };

    private static Certificate WithCreation(Certificate certificate, int minutesAgo)
    {
        certificate.Metadata.CreationTimestamp = Gen.Now.AddMinutes(-minutesAgo).UtcDateTime;
        return certificate;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_whether_the_Certificate_may_write_its_Secret(Row c)
    {
        var result = SecretOwnership.Decide(new SecretOwnershipInput(
            c.Certificate, c.Secret is null ? null : ExistingSecret.Of(c.Secret), c.Uses, c.Others));

        if (c.Reason is null)
        {
            result.Should().BeNull(c.Name);
            return;
        }

        result.Should().NotBeNull(c.Name);
        result!.Reason.Should().Be(c.Reason, c.Name);
        result.Blocks.Should().Be(c.Blocks, c.Name);
        result.Message.Should().Contain("Secret \"web-tls\"");
        result.Message.Should().NotContain(Value, "Secret values never reach a message");
        foreach (var mention in c.Mentions)
        {
            result.Message.Should().Contain(mention, c.Name);
        }

        if (c.Blocks)
        {
            result.Message.Should().StartWith("spec.secretName: ", "a refusal names the field to change").And.Contain("choose another secretName");
        }
    }

    [Fact]
    public void Two_Certificates_on_one_Secret_name_each_other()
    {
        var secret = ExistingSecret.Of(Annotated("web", "tls.crt", "tls.key"));
        var web = Web();
        var api = Other("api");

        var forWeb = SecretOwnership.Decide(new SecretOwnershipInput(web, secret, [], [api]))!;
        var forApi = SecretOwnership.Decide(new SecretOwnershipInput(api, secret, [], [web]))!;

        forWeb.Blocks.Should().BeFalse("the Certificate the Secret belongs to keeps it");
        forWeb.Message.Should().Contain("Certificate \"api\"");
        forApi.Blocks.Should().BeTrue("the newcomer must not take it");
        forApi.Message.Should().Contain("Certificate \"web\"");
    }
}
