using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Acme;
using CertOperator.Acme.Accounts;
using CertOperator.Acme.Model;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Cli.Verbs;

/// <summary>`revoke NAME`: revokes the certificate in a Certificate's Secret at its ACME issuer, signed with the issuer's account key.</summary>
internal static class RevokeCommand
{
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var name = new Argument<string>("name") { Description = "Name of the Certificate" };
        var reason = new Option<RevocationReason?>("--reason") { Description = "RFC 5280 reason: Unspecified, KeyCompromise, AffiliationChanged, Superseded, CessationOfOperation" };
        var clusterResourceNamespace = new Option<string>("--cluster-resource-namespace")
        {
            Description = "Namespace holding ClusterIssuers' Secrets",
            DefaultValueFactory = _ => "cert-manager",
        };
        var command = new Command("revoke", "Revoke a Certificate's current certificate at its ACME server") { name, reason, clusterResourceNamespace };
        cluster.AddTo(command);
        command.SetAction(cluster.Action("revoke", async (context, ct) =>
        {
            var serial = await RevokeAsync(
                context.Kube, context.Namespace, context.Parse.GetValue(name)!, context.Parse.GetValue(reason), context.Parse.GetValue(clusterResourceNamespace)!, ct);
            await context.Out.WriteLineAsync($"Revoked certificate with serial {serial}");
            return 0;
        }));
        return command;
    }

    private static async Task<string> RevokeAsync(
        KubernetesClient kube, string ns, string name, RevocationReason? reason, string clusterResourceNamespace, CancellationToken ct)
    {
        var certificate = await kube.TryGetAsync<Certificate>(ns, name, ct) ?? throw new VerbException($"Certificate {ns}/{name} does not exist");
        var issuerRef = certificate.Spec.IssuerRef;
        IIssuerObject? issuer = issuerRef.Kind == "ClusterIssuer"
            ? await kube.TryGetAsync<ClusterIssuer>(null, issuerRef.Name, ct)
            : await kube.TryGetAsync<Issuer>(ns, issuerRef.Name, ct);
        var issuerName = $"{issuerRef.Kind ?? "Issuer"} {issuerRef.Name}";
        if (issuer?.Spec.Acme is not { } acme)
        {
            throw new VerbException(issuer is null ? $"{issuerName} does not exist" : $"{issuerName} is not an ACME issuer; only ACME certificates can be revoked");
        }

        var secret = await kube.TryGetAsync<Secret>(ns, certificate.Spec.SecretName, ct);
        if (secret?.Data?.GetOrDefault("tls.crt") is not { Length: > 0 } certPem)
        {
            throw new VerbException($"Secret {ns}/{certificate.Spec.SecretName} holds no certificate (tls.crt) to revoke");
        }

        using var leaf = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(certPem));
        using var key = await AccountKeyAsync(kube, acme.PrivateKeySecretRef, issuer is ClusterIssuer ? clusterResourceNamespace : ns, issuerName, ct);
        using var client = AcmeClientFactory.Create(new AcmeClientOptions
        {
            DirectoryUrl = new Uri(acme.Server),
            AccountKey = key,
            AccountUrl = issuer.Status?.Acme?.Uri is { Length: > 0 } uri ? new Uri(uri) : null,
            Handler = AcmeHttpHandlers.Create(acme.CaBundle, acme.SkipTLSVerify == true),
        });
        if (client.AccountUrl is null && await client.LookupAccountAsync(ct) is null)
        {
            throw new VerbException($"{issuerName} has no registered ACME account at {acme.Server}");
        }

        await client.RevokeCertificateAsync(leaf.RawData, reason, ct);
        return leaf.SerialNumber;
    }

    private static async Task<AcmeAccountKey> AccountKeyAsync(
        KubernetesClient kube, SecretKeySelector keyRef, string secretNamespace, string issuerName, CancellationToken ct)
    {
        var keySecret = await kube.TryGetAsync<Secret>(secretNamespace, keyRef.Name, ct);
        if (keySecret?.Data?.GetOrDefault(keyRef.Key ?? AcmeClientCache.DefaultKeyName) is not { } keyPem)
        {
            throw new VerbException($"the account key Secret {secretNamespace}/{keyRef.Name} of {issuerName} does not exist or has no key");
        }

        try
        {
            return AcmeAccountKey.FromPem(Encoding.ASCII.GetString(keyPem));
        }
        catch (ArgumentException e)
        {
            throw new VerbException($"the account key in Secret {secretNamespace}/{keyRef.Name} is unusable: {e.Message}", e);
        }
    }
}
