using CertOperator.Crds.Acme;
using CertOperator.Crds.Issuers;
using CertOperator.Issuers;

namespace CertOperator.Tests.Issuers;

public sealed class IssuerReadinessTests
{
    public static TheoryData<string, IssuerSpec, string?, bool, string> Cases => new()
    {
        { "self-signed", new IssuerSpec { SelfSigned = new SelfSignedIssuer() }, null, true, "IsReady" },
        { "ca with a valid key pair", new IssuerSpec { Ca = new CaIssuer { SecretName = "ca" } }, null, true, "KeyPairVerified" },
        { "ca whose secret is missing", new IssuerSpec { Ca = new CaIssuer { SecretName = "ca" } }, "ErrGetKeyPair", false, "ErrGetKeyPair" },
        { "ca that expired", new IssuerSpec { Ca = new CaIssuer { SecretName = "ca" } }, "ErrInvalidKeyPair", false, "ErrInvalidKeyPair" },
        { "ca without a secret name", new IssuerSpec { Ca = new CaIssuer() }, null, false, "InvalidConfig" },
        { "acme over plain http", new IssuerSpec { Acme = new AcmeIssuer { Server = "http://acme.test/dir", PrivateKeySecretRef = new() { Name = "account" } } }, null, false, "InvalidConfig" },
        { "nothing configured", new IssuerSpec(), null, false, "ErrInitIssuer" },
        { "two types configured", new IssuerSpec { SelfSigned = new SelfSignedIssuer(), Ca = new CaIssuer { SecretName = "ca" } }, null, false, "ErrInitIssuer" },
        { "vault not checked yet", new IssuerSpec { Vault = new() { Server = "https://vault.test", Path = "pki/sign/web", Auth = new() { TokenSecretRef = new() { Name = "t" } } } }, null, false, "VaultError" },
        { "vault with aws auth", new IssuerSpec { Vault = new() { Server = "https://vault.test", Path = "pki/sign/web", Auth = new() { Aws = new() { Role = "r" } } } }, null, false, "Unsupported" },
        { "venafi", new IssuerSpec { Venafi = new() { Zone = "z", Cloud = new() { ApiTokenSecretRef = new() { Name = "t" } } } }, null, false, "Unsupported" },
        { "acme before registration", new IssuerSpec { Acme = new AcmeIssuer { Server = "https://acme.test/dir", PrivateKeySecretRef = new() { Name = "account" } } }, null, false, "ErrRegisterACMEAccount" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ready_condition(string name, IssuerSpec spec, string? caProblemReason, bool ready, string reason)
    {
        var result = IssuerReadiness.Evaluate(spec, caProblemReason is null ? null : new CaKeyPairCheck(caProblemReason, "the key pair is unusable", null));

        result.Ready.Should().Be(ready, name);
        result.Reason.Should().Be(reason, name);
        if (!ready)
        {
            result.Message.Should().Contain(caProblemReason is null ? "spec." : "the key pair is unusable", "the message names the field to fix or the problem found");
        }
    }

    [Fact]
    public void A_vault_issuer_takes_the_outcome_of_its_Vault_check()
    {
        var spec = new IssuerSpec { Vault = new() { Server = "https://vault.test", Path = "pki/sign/web", Auth = new() { TokenSecretRef = new() { Name = "t" } } } };

        IssuerReadiness.Evaluate(spec, null, vaultCheck: new(true, "VaultVerified", "Vault verified")).Should().Be(new IssuerReadiness(true, "VaultVerified", "Vault verified"));
        IssuerReadiness.Evaluate(spec, null, vaultCheck: new(false, "VaultError", "Failed to verify Vault is initialized and unsealed: Vault is sealed"))
            .Reason.Should().Be("VaultError");
    }
}
