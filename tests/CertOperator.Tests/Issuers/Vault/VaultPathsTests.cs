using CertOperator.Issuers.Vault;

namespace CertOperator.Tests.Issuers.Vault;

public sealed class VaultPathsTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "sign path under /v1", VaultPaths.Sign("pki_int/sign/example-dot-com"), "/v1/pki_int/sign/example-dot-com" },
        { "sign path with slashes", VaultPaths.Sign("/pki/sign/web/"), "/v1/pki/sign/web" },
        { "approle default mount", VaultPaths.AppRoleLogin(""), "/v1/auth/approle/login" },
        { "approle own mount", VaultPaths.AppRoleLogin("my-approle"), "/v1/auth/my-approle/login" },
        { "kubernetes default mount", VaultPaths.KubernetesLogin(null), "/v1/auth/kubernetes/login" },
        { "kubernetes mount path as written", VaultPaths.KubernetesLogin("/v1/auth/k8s-prod"), "/v1/auth/k8s-prod/login" },
        { "cert default mount", VaultPaths.CertificateLogin(null), "/v1/auth/cert/login" },
        { "cert mount path as written", VaultPaths.CertificateLogin("/v1/auth/tls/"), "/v1/auth/tls/login" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Paths_join_like_cert_manager(string name, string actual, string expected) => actual.Should().Be(expected, name);
}
