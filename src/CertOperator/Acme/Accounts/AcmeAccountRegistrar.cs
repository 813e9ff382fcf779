using System.Text;
using CertOperator.Acme.Model;
using CertOperator.Crds.Issuers;
using CertOperator.Issuers;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Acme.Accounts;

/// <summary>
/// Registers an ACME issuer's account (or finds the existing one for its key), keeps the contact email
/// current, and records the account URL in status so a restart reuses it instead of registering again.
/// </summary>
internal sealed class AcmeAccountRegistrar(AcmeClientCache clients, KubernetesClient kube, IssuerLookup lookup)
{
    public sealed record Outcome(IssuerReadiness Readiness, AcmeIssuerStatus? Status);

    public async Task<Outcome> RegisterAsync(IIssuerObject issuer, CancellationToken ct)
    {
        var acme = issuer.Spec.Acme!;
        var account = await clients.GetAsync(issuer, mayGenerateKey: true, ct);
        if (account.Client is not { } client)
        {
            return new(new IssuerReadiness(false, account.ProblemReason!, account.ProblemMessage!), issuer.Status?.Acme);
        }

        var recorded = issuer.Status?.Acme;
        var email = acme.Email ?? "";
        try
        {
            if (recorded?.Uri is { Length: > 0 } && recorded.LastPrivateKeyHash == account.Thumbprint && recorded.Uri.StartsWith(BaseOf(acme.Server), StringComparison.Ordinal))
            {
                if ((recorded.LastRegisteredEmail ?? "") != email)
                {
                    await client.UpdateContactAsync(Contact(email), ct);
                }
            }
            else
            {
                var (binding, bindingProblem) = await BindingAsync(issuer, ct);
                if (bindingProblem is not null)
                {
                    return new(new IssuerReadiness(false, "ErrRegisterACMEAccount", bindingProblem), issuer.Status?.Acme);
                }

                var registered = await client.EnsureAccountAsync(new AcmeAccountRequest
                {
                    Contact = Contact(email),
                    TermsOfServiceAgreed = true,
                    ExternalAccountBinding = binding,
                }, ct);
                recorded = new AcmeIssuerStatus { Uri = registered.Url?.ToString() ?? client.AccountUrl?.ToString() };
            }
        }
        catch (Exception e) when (AcmeServerFailure.Covers(e))
        {
            return new(new IssuerReadiness(false, "ErrRegisterACMEAccount", $"Failed to register ACME account: {AcmeServerFailure.Describe(e, acme.Server)}"),
                issuer.Status?.Acme);
        }

        var status = new AcmeIssuerStatus { Uri = recorded.Uri, LastRegisteredEmail = email, LastPrivateKeyHash = account.Thumbprint };
        return new(new IssuerReadiness(true, "ACMEAccountRegistered", "The ACME account was registered with the ACME server"), status);
    }

    private static string BaseOf(string server) => Uri.TryCreate(server, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : server;

    private static string[] Contact(string email) => email.Length == 0 ? [] : [$"mailto:{email}"];

    private async Task<(ExternalAccountBinding? Binding, string? Problem)> BindingAsync(IIssuerObject issuer, CancellationToken ct)
    {
        if (issuer.Spec.Acme!.ExternalAccountBinding is not { } eab)
        {
            return (null, null);
        }

        var ns = lookup.SecretNamespace(issuer);
        var secret = await kube.TryGetAsync<Secret>(ns, eab.KeySecretRef.Name, ct);
        var keyName = eab.KeySecretRef.Key ?? "secret";
        if (secret?.Data?.GetOrDefault(keyName) is not { } encoded)
        {
            return (null, $"spec.acme.externalAccountBinding.keySecretRef: Secret \"{ns}/{eab.KeySecretRef.Name}\" has no key \"{keyName}\"");
        }

        var algorithm = eab.KeyAlgorithm switch
        {
            "HS384" => EabAlgorithm.HS384,
            "HS512" => EabAlgorithm.HS512,
            _ => EabAlgorithm.HS256,
        };
        return (ExternalAccountBinding.FromBase64Url(eab.KeyId, Encoding.ASCII.GetString(encoded).Trim(), algorithm), null);
    }
}
