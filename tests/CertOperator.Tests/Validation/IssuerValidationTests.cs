using System.Text;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Issuers.Vault;
using CertOperator.Crds.Issuers.Venafi;
using CertOperator.Validation;

namespace CertOperator.Tests.Validation;

/// <summary>cert-manager's issuer_test.go tables for the issuer types we serve (ACME, CA, SelfSigned) and their solvers.</summary>
public sealed class IssuerValidationTests
{
    public static TheoryData<string, Func<IssuerSpec>, string?, string?> Cases => new()
    {
        { "valid self-signed issuer", () => new IssuerSpec { SelfSigned = new SelfSignedIssuer() }, null, null },
        { "valid CA issuer", () => new IssuerSpec { Ca = new CaIssuer { SecretName = "root-ca" } }, null, null },
        { "valid ACME issuer", () => IssuerGen.Acme(), null, null },
        { "no issuer type configured", () => new IssuerSpec(), "spec", "at least one issuer must be configured" },
        { "valid Vault issuer", () => new IssuerSpec { Vault = new VaultIssuer { Server = "https://vault.test:8200", Path = "pki/sign/web", Auth = new() { TokenSecretRef = new() { Name = "vault-token" } } } }, null, null },
        { "Vault issuer without auth", () => new IssuerSpec { Vault = new VaultIssuer { Server = "https://vault.test:8200", Path = "pki/sign/web" } }, "spec.vault.auth", "please supply one of: appRole, kubernetes, tokenSecretRef, clientCertificate, aws" },
        { "Vault issuer with two auth methods", () => new IssuerSpec { Vault = new VaultIssuer { Server = "https://v", Path = "p", Auth = new() { TokenSecretRef = new() { Name = "t" }, AppRole = new() { Path = "approle", RoleId = "r", SecretRef = new() { Name = "s" } } } } }, "spec.vault.auth", "only one auth method may be set, not tokenSecretRef and appRole" },
        { "Vault caBundle and caBundleSecretRef", () => new IssuerSpec { Vault = new VaultIssuer { Server = "https://v", Path = "p", CaBundle = "Zm9v", CaBundleSecretRef = new() { Name = "ca" }, Auth = new() { TokenSecretRef = new() { Name = "t" } } } }, "spec.vault.caBundle", "cannot be used together" },
        { "Vault path with ..", () => new IssuerSpec { Vault = new VaultIssuer { Server = "https://v", Path = "pki/../sys/raw", Auth = new() { TokenSecretRef = new() { Name = "t" } } } }, "spec.vault.path", "must not contain '..' path segments" },
        { "Vault client certificate without its key", () => new IssuerSpec { Vault = new VaultIssuer { Server = "https://v", Path = "p", ClientCertSecretRef = new() { Name = "c" }, Auth = new() { TokenSecretRef = new() { Name = "t" } } } }, "spec.vault.clientKeySecretRef", "must be provided" },
        { "Vault AppRole without a role ID", () => new IssuerSpec { Vault = new VaultIssuer { Server = "https://v", Path = "p", Auth = new() { AppRole = new() { Path = "approle", SecretRef = new() { Name = "s" } } } } }, "spec.vault.auth.appRole.roleId", "Required value" },
        { "Vault kubernetes auth without a role", () => new IssuerSpec { Vault = new VaultIssuer { Server = "https://v", Path = "p", Auth = new() { Kubernetes = new() { SecretRef = new() { Name = "sa" } } } } }, "spec.vault.auth.kubernetes.role", "Required value" },
        { "Vault kubernetes auth without a token source", () => new IssuerSpec { Vault = new VaultIssuer { Server = "https://v", Path = "p", Auth = new() { Kubernetes = new() { Role = "r" } } } }, "spec.vault.auth.kubernetes", "exactly one of secretRef or serviceAccountRef" },
        { "Venafi issuer with two backends", () => new IssuerSpec { Venafi = new VenafiIssuer { Zone = "z", Cloud = new() { ApiTokenSecretRef = new() { Name = "t" } }, Tpp = new() { Url = "https://tpp" } } }, "spec.venafi", "exactly one of tpp, cloud, or ngts must be configured" },
        { "Venafi and CA", () => new IssuerSpec { Ca = new CaIssuer { SecretName = "ca" }, Venafi = new VenafiIssuer { Zone = "z", Cloud = new() { ApiTokenSecretRef = new() { Name = "t" } } } }, "spec.venafi", "may not specify more than one issuer type" },
        { "two issuer types", () => new IssuerSpec { Ca = new CaIssuer { SecretName = "ca" }, SelfSigned = new SelfSignedIssuer() }, "spec.selfSigned", "may not specify more than one issuer type" },
        { "ACME and CA", () => new IssuerSpec { Acme = IssuerGen.Acme().Acme, Ca = new CaIssuer { SecretName = "ca" } }, "spec.ca", "may not specify more than one issuer type" },
        { "CA issuer with an OCSP server that is not a URL", () => new IssuerSpec { Ca = new CaIssuer { SecretName = "ok", OcspServers = ["::::"] } }, "spec.ca.ocspServers[0]", "must be a valid URL" },
        { "CA issuer without a secret name", () => new IssuerSpec { Ca = new CaIssuer() }, "spec.ca.secretName", "must be specified" },
        { "CA issuer with an invalid secret name", () => new IssuerSpec { Ca = new CaIssuer { SecretName = "Root_CA" } }, "spec.ca.secretName", "RFC 1123 subdomain" },
        {
            "CA issuer with valid URLs",
            () => new IssuerSpec { Ca = new CaIssuer { SecretName = "ca", OcspServers = ["http://ocsp.int-x3.letsencrypt.org"], CrlDistributionPoints = ["http://crl.example.com/ca.crl"], IssuingCertificateURLs = ["http://ca.example.com/ca.crt"] } },
            null, null
        },
        { "CA issuer with an empty OCSP server", () => new IssuerSpec { Ca = new CaIssuer { SecretName = "ca", OcspServers = [""] } }, "spec.ca.ocspServers[0]", "must be a valid URL, e.g., http://ocsp.int-x3.letsencrypt.org" },
        { "CA issuer with a relative issuing certificate URL", () => new IssuerSpec { Ca = new CaIssuer { SecretName = "ca", IssuingCertificateURLs = ["http://ok.example/ca", "ca.crt"] } }, "spec.ca.issuingCertificateURLs[1]", "must be a valid URL" },
        { "CA issuer with a CRL point that is not a URL", () => new IssuerSpec { Ca = new CaIssuer { SecretName = "ca", CrlDistributionPoints = ["crl example"] } }, "spec.ca.crlDistributionPoints[0]", "must be a valid URL" },
        { "self-signed issuer with a bad CRL point", () => new IssuerSpec { SelfSigned = new SelfSignedIssuer { CrlDistributionPoints = ["not a url"] } }, "spec.selfSigned.crlDistributionPoints[0]", "must be a valid URL" },
        { "ACME without a server", () => IssuerGen.Acme(a => a.Server = ""), "spec.acme.server", "acme server URL is a required field" },
        { "ACME server over plain http", () => IssuerGen.Acme(a => a.Server = "http://acme.example.com/directory"), "spec.acme.server", "must use https" },
        { "ACME server that is not a URL", () => IssuerGen.Acme(a => a.Server = "acme.example.com/directory"), "spec.acme.server", "is not a URL" },
        { "ACME without a private key secret name", () => IssuerGen.Acme(a => a.PrivateKeySecretRef = new()), "spec.acme.privateKeySecretRef.name", "private key secret name is a required field" },
        { "ACME private key secret name invalid", () => IssuerGen.Acme(a => a.PrivateKeySecretRef = IssuerGen.Secret("Account_Key", null)), "spec.acme.privateKeySecretRef.name", "RFC 1123 subdomain" },
        { "ACME email that is not an address", () => IssuerGen.Acme(a => a.Email = "admin"), "spec.acme.email", "invalid email address" },
        { "ACME without an email", () => IssuerGen.Acme(a => a.Email = null), null, null },
        { "ACME with a CA bundle", () => IssuerGen.Acme(a => a.CaBundle = IssuerGen.CaBundle()), null, null },
        { "ACME with a CA bundle and skipTLSVerify", () => IssuerGen.Acme(a => (a.CaBundle, a.SkipTLSVerify) = (IssuerGen.CaBundle(), true)), "spec.acme.skipTLSVerify", "caBundle and skipTLSVerify are mutually exclusive and cannot both be set" },
        { "ACME with a CA bundle and skipTLSVerify, on caBundle", () => IssuerGen.Acme(a => (a.CaBundle, a.SkipTLSVerify) = (IssuerGen.CaBundle(), true)), "spec.acme.caBundle", "mutually exclusive" },
        { "ACME with skipTLSVerify and no bundle", () => IssuerGen.Acme(a => a.SkipTLSVerify = true), null, null },
        {
            "ACME with a CA bundle holding no certificate",
            () => IssuerGen.Acme(a => a.CaBundle = Convert.ToBase64String(Encoding.ASCII.GetBytes("-----BEGIN GARBAGE-----\nAAAA\n-----END GARBAGE-----\n"))),
            "spec.acme.caBundle", "cert bundle didn't contain any valid certificates"
        },
        { "ACME with a CA bundle that is not base64", () => IssuerGen.Acme(a => a.CaBundle = "not base64!"), "spec.acme.caBundle", "is not base64" },
        { "ACME with a preferred chain longer than 64", () => IssuerGen.Acme(a => a.PreferredChain = new string('c', 65)), "spec.acme.preferredChain", "may not be more than 64 characters" },
        {
            "ACME with external account binding",
            () => IssuerGen.Acme(a => a.ExternalAccountBinding = new AcmeExternalAccountBinding { KeyId = "kid", KeySecretRef = IssuerGen.Secret("eab", "secret") }),
            null, null
        },
        {
            "EAB without a key ID",
            () => IssuerGen.Acme(a => a.ExternalAccountBinding = new AcmeExternalAccountBinding { KeySecretRef = IssuerGen.Secret("eab", "secret") }),
            "spec.acme.externalAccountBinding.keyID", "the keyID field is required when using externalAccountBinding"
        },
        {
            "EAB without a secret name",
            () => IssuerGen.Acme(a => a.ExternalAccountBinding = new AcmeExternalAccountBinding { KeyId = "kid", KeySecretRef = IssuerGen.Secret("", "secret") }),
            "spec.acme.externalAccountBinding.keySecretRef.name", "secret name is required"
        },
        {
            "EAB without a secret key",
            () => IssuerGen.Acme(a => a.ExternalAccountBinding = new AcmeExternalAccountBinding { KeyId = "kid", KeySecretRef = IssuerGen.Secret("eab", null) }),
            "spec.acme.externalAccountBinding.keySecretRef.key", "secret key is required"
        },
        {
            "EAB with an unknown key algorithm",
            () => IssuerGen.Acme(a => a.ExternalAccountBinding = new AcmeExternalAccountBinding { KeyId = "kid", KeySecretRef = IssuerGen.Secret("eab", "k"), KeyAlgorithm = "HS1" }),
            "spec.acme.externalAccountBinding.keyAlgorithm", "Unsupported value"
        },
        { "ACME without solvers", () => IssuerGen.Acme(a => a.Solvers = null), null, null },
        { "solver with no type", () => IssuerGen.Solver(new AcmeChallengeSolver()), "spec.acme.solvers[0]", "no solver type configured" },
        {
            "solver with both http01 and dns01",
            () => IssuerGen.Solver(new AcmeChallengeSolver { Http01 = IssuerGen.Http01().Http01, Dns01 = new AcmeChallengeSolverDns01 { Rfc2136 = IssuerGen.Rfc2136() } }),
            "spec.acme.solvers[0]", "may not specify more than one solver type in a single solver"
        },
        { "http01 with no route type", () => IssuerGen.Solver(new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01() }), "spec.acme.solvers[0].http01", "no HTTP01 solver type configured" },
        {
            "http01 with ingress and gateway route",
            () => IssuerGen.Solver(new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01 { Ingress = new(), GatewayHttpRoute = new() } }),
            "spec.acme.solvers[0].http01", "only 1 HTTP01 solver type may be configured"
        },
        {
            "http01 ingress with class and name",
            () => IssuerGen.Solver(new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01 { Ingress = new() { Class = "nginx", Name = "web" } } }),
            "spec.acme.solvers[0].http01.ingress", "only one of 'ingressClassName', 'name' or 'class' should be specified"
        },
        {
            "http01 ingress with an invalid ingressClassName",
            () => IssuerGen.Solver(new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01 { Ingress = new() { IngressClassName = "Nginx!" } } }),
            "spec.acme.solvers[0].http01.ingress.ingressClassName", "must be a valid IngressClass name"
        },
        {
            "http01 ingress with a LoadBalancer service",
            () => IssuerGen.Solver(new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01 { Ingress = new() { ServiceType = "LoadBalancer" } } }),
            "spec.acme.solvers[0].http01.ingress.serviceType", "must be empty, \"ClusterIP\" or \"NodePort\""
        },
        {
            "http01 ingress with a NodePort service",
            () => IssuerGen.Solver(new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01 { Ingress = new() { ServiceType = "NodePort" } } }),
            null, null
        },
        {
            "gateway route parentRef with kind and no name",
            () => IssuerGen.Solver(new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01 { GatewayHttpRoute = new() { ParentRefs = [new() { Kind = "Gateway" }] } } }),
            "spec.acme.solvers[0].http01.gatewayHTTPRoute.parentRefs[0].name", "name is required when kind is specified"
        },
        {
            "solver selector with valid labels, names and zones",
            () => IssuerGen.Solver(new AcmeChallengeSolver { Http01 = IssuerGen.Http01().Http01, Selector = new() { MatchLabels = new() { ["app"] = "web" }, DnsNames = ["*.example.com"], DnsZones = ["example.com"] } }),
            null, null
        },
        {
            "solver selector with a bad DNS name",
            () => IssuerGen.Solver(new AcmeChallengeSolver { Http01 = IssuerGen.Http01().Http01, Selector = new() { DnsNames = ["ok.example.com", "bad..example.com"] } }),
            "spec.acme.solvers[0].selector.dnsNames[1]", "has an empty label"
        },
        {
            "solver selector with a bad DNS zone",
            () => IssuerGen.Solver(new AcmeChallengeSolver { Http01 = IssuerGen.Http01().Http01, Selector = new() { DnsZones = ["example com"] } }),
            "spec.acme.solvers[0].selector.dnsZones[0]", "contains whitespace"
        },
        {
            "solver selector with a bad label value",
            () => IssuerGen.Solver(new AcmeChallengeSolver { Http01 = IssuerGen.Http01().Http01, Selector = new() { MatchLabels = new() { ["app"] = "-web" } } }),
            "spec.acme.solvers[0].selector.matchLabels.app", "label value"
        },
        { "valid rfc2136 solver", () => IssuerGen.Dns01(d => d.Rfc2136 = IssuerGen.Rfc2136()), null, null },
        { "dns01 with no provider", () => IssuerGen.Dns01(_ => { }), "spec.acme.solvers[0].dns01", "no DNS01 provider configured" },
        {
            "dns01 with two providers",
            () => IssuerGen.Dns01(d => (d.Rfc2136, d.Cloudflare) = (IssuerGen.Rfc2136(), new() { ApiTokenSecretRef = IssuerGen.Secret("cf", "token") })),
            "spec.acme.solvers[0].dns01.rfc2136", "may not specify more than one provider type"
        },
        { "dns01 with an unknown CNAME strategy", () => IssuerGen.Dns01(d => (d.Rfc2136, d.CnameStrategy) = (IssuerGen.Rfc2136(), "Chase")), "spec.acme.solvers[0].dns01.cnameStrategy", "must be one of \"None\" or \"Follow\"" },
        { "rfc2136 without a nameserver", () => IssuerGen.Dns01(d => d.Rfc2136 = IssuerGen.Rfc2136("")), "spec.acme.solvers[0].dns01.rfc2136.nameserver", "must be specified" },
        { "rfc2136 with unbracketed IPv6 and port", () => IssuerGen.Dns01(d => d.Rfc2136 = IssuerGen.Rfc2136("2001:db8::1:5353")), "spec.acme.solvers[0].dns01.rfc2136.nameserver", "nameserver must be set in the form host:port" },
        { "rfc2136 with a bracketed IPv6 and port", () => IssuerGen.Dns01(d => d.Rfc2136 = IssuerGen.Rfc2136("[2001:db8::1]:53")), null, null },
        { "rfc2136 with an unknown TSIG algorithm", () => IssuerGen.Dns01(d => d.Rfc2136 = new() { Nameserver = "10.0.0.53", TsigKeyName = "k", TsigAlgorithm = "HMACSHA3", TsigSecretSecretRef = IssuerGen.Secret("t", "s") }), "spec.acme.solvers[0].dns01.rfc2136.tsigAlgorithm", "Unsupported value" },
        { "rfc2136 with a lower-case TSIG algorithm", () => IssuerGen.Dns01(d => d.Rfc2136 = new() { Nameserver = "10.0.0.53", TsigKeyName = "k", TsigAlgorithm = "hmacsha512", TsigSecretSecretRef = IssuerGen.Secret("t", "s") }), null, null },
        { "rfc2136 with a key name and no secret", () => IssuerGen.Dns01(d => d.Rfc2136 = new() { Nameserver = "10.0.0.53", TsigKeyName = "k" }), "spec.acme.solvers[0].dns01.rfc2136.tsigSecretSecretRef.name", "secret name is required" },
        { "rfc2136 with a secret and no key name", () => IssuerGen.Dns01(d => d.Rfc2136 = new() { Nameserver = "10.0.0.53", TsigSecretSecretRef = IssuerGen.Secret("t", "s") }), "spec.acme.solvers[0].dns01.rfc2136.tsigKeyName", "must be specified" },
        { "rfc2136 without TSIG", () => IssuerGen.Dns01(d => d.Rfc2136 = new() { Nameserver = "ns.example.com" }), null, null },
        { "cloudflare with neither key nor token", () => IssuerGen.Dns01(d => d.Cloudflare = new()), "spec.acme.solvers[0].dns01.cloudflare", "apiKeySecretRef or apiTokenSecretRef is required" },
        { "cloudflare with key and token", () => IssuerGen.Dns01(d => d.Cloudflare = new() { Email = "a@b.c", ApiKeySecretRef = IssuerGen.Secret("k", "k"), ApiTokenSecretRef = IssuerGen.Secret("t", "t") }), "spec.acme.solvers[0].dns01.cloudflare", "cannot both be specified" },
        { "cloudflare API key without email", () => IssuerGen.Dns01(d => d.Cloudflare = new() { ApiKeySecretRef = IssuerGen.Secret("k", "k") }), "spec.acme.solvers[0].dns01.cloudflare.email", "must be specified" },
        { "route53 with access key ID twice", () => IssuerGen.Dns01(d => d.Route53 = new() { AccessKeyId = "AKIA", AccessKeyIdSecretRef = IssuerGen.Secret("aws", "id") }), "spec.acme.solvers[0].dns01.route53", "accessKeyID and accessKeyIDSecretRef cannot both be specified" },
        { "route53 with ambient credentials", () => IssuerGen.Dns01(d => d.Route53 = new() { Region = "eu-west-1" }), null, null },
        { "cloudDNS without a project", () => IssuerGen.Dns01(d => d.CloudDns = new()), "spec.acme.solvers[0].dns01.cloudDNS.project", "must be specified" },
        { "digitalocean without a token secret", () => IssuerGen.Dns01(d => d.DigitalOcean = new()), "spec.acme.solvers[0].dns01.digitalocean.tokenSecretRef.name", "secret name is required" },
        { "acmeDNS without a host", () => IssuerGen.Dns01(d => d.AcmeDns = new() { AccountSecretRef = IssuerGen.Secret("acmedns", "json") }), "spec.acme.solvers[0].dns01.acmeDNS.host", "must be specified" },
        { "akamai without a service consumer domain", () => IssuerGen.Dns01(d => d.Akamai = new() { AccessTokenSecretRef = IssuerGen.Secret("a", "a"), ClientSecretSecretRef = IssuerGen.Secret("a", "b"), ClientTokenSecretRef = IssuerGen.Secret("a", "c") }), "spec.acme.solvers[0].dns01.akamai.serviceConsumerDomain", "must be specified" },
        { "webhook without a solver name", () => IssuerGen.Dns01(d => d.Webhook = new() { GroupName = "acme.example.com" }), "spec.acme.solvers[0].dns01.webhook.solverName", "solver name must be specified" },
        { "azureDNS with a client ID and no secret", () => IssuerGen.Dns01(d => d.AzureDns = new() { ClientId = "id", TenantId = "t", SubscriptionId = "s", ResourceGroupName = "rg" }), "spec.acme.solvers[0].dns01.azureDNS.clientSecretSecretRef", "must be specified" },
        { "azureDNS with managed identity client and resource IDs", () => IssuerGen.Dns01(d => d.AzureDns = new() { SubscriptionId = "s", ResourceGroupName = "rg", ManagedIdentity = new() { ClientId = "c", ResourceId = "r" } }), "spec.acme.solvers[0].dns01.azureDNS.managedIdentity", "managedIdentityClientID and managedIdentityResourceID cannot both be specified" },
        { "azureDNS with an unknown environment", () => IssuerGen.Dns01(d => d.AzureDns = new() { SubscriptionId = "s", ResourceGroupName = "rg", Environment = "AzureMoonCloud" }), "spec.acme.solvers[0].dns01.azureDNS.environment", "must be either empty or one of" },
        { "azureDNS with an unknown zoneType", () => IssuerGen.Dns01(d => d.AzureDns = new() { SubscriptionId = "s", ResourceGroupName = "rg", ZoneType = "AzureMoonZone" }), "spec.acme.solvers[0].dns01.azureDNS.zoneType", "must be either empty or one of AzurePublicZone, AzurePrivateZone" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Issuer_spec(string name, Func<IssuerSpec> spec, string? field, string? fragment) =>
        Expect.Outcome(IssuerValidation.Validate(spec()), name, field, fragment);
}
