using CertOperator.Acme.Accounts;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.WellKnown;
using CertOperator.Infrastructure;
using CertOperator.Issuers.Vault;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.Validation;

namespace CertOperator.Issuers;

/// <summary>Keeps an Issuer's or ClusterIssuer's Ready condition true to what it can sign with.</summary>
internal sealed class IssuerReconciler<TIssuer>(
    SharedInformerFactory informers, KubernetesClient client, IssuerLookup lookup, AcmeAccountRegistrar registrar, VaultIssuerCheck vault, EventRecorder events, TimeProvider time)
    : ConflictTolerantReconciler
    where TIssuer : class, IKubernetesObject<TIssuer>, IIssuerObject
{
    /// <summary>Index of issuers by "namespace/secret name", so a change to a CA or Vault Secret re-checks its issuers.</summary>
    public const string BySecret = "issuer-by-readiness-secret";

    protected override async Task<ReconcileResult> ReconcileCoreAsync(ObjectKey key, CancellationToken ct)
    {
        if (informers.GetInformer<TIssuer>().Store.Find(key) is not { Metadata.DeletionTimestamp: null } issuer)
        {
            return ReconcileResult.Done;
        }

        // What cert-manager's webhook would refuse is reported, and nothing is read or registered for it.
        var invalid = IssuerValidation.Validate(issuer.Spec);
        var now = time.GetUtcNow();
        var caProblem = invalid.Count == 0 && issuer.Spec.Ca is { } ca ? await CheckCaAsync(lookup.SecretNamespace(issuer), ca.SecretName, now, ct) : null;
        var acme = invalid.Count == 0 && issuer.Spec.Acme is not null ? await registrar.RegisterAsync(issuer, ct) : null;
        var vaultCheck = invalid.Count == 0 && issuer.Spec.Vault is { Auth.Aws: null } ? await vault.CheckAsync(issuer, ct) : null;
        var readiness = IssuerReadiness.Evaluate(issuer.Spec, caProblem, acme?.Readiness, vaultCheck);
        var previous = Conditions.Find(issuer.Status?.Conditions, ConditionTypes.Ready);
        await StatusWriter.UpdateStatusAsync(client, issuer, i =>
        {
            i.Status ??= new IssuerStatus();
            var changed = acme is not null && !SameAcmeStatus(i.Status.Acme, acme.Status);
            if (acme is not null)
            {
                i.Status.Acme = acme.Status;
            }

            return Conditions.Set(i.Status.Conditions ??= [], ConditionTypes.Ready, readiness.Ready ? Conditions.True : Conditions.False,
                readiness.Reason, readiness.Message, i.Metadata.Generation, time) | changed;
        }, ct);

        if (previous?.Reason != readiness.Reason || (invalid.Count > 0 && previous?.Message != readiness.Message))
        {
            await events.RecordAsync(issuer, readiness.Ready ? EventType.Normal : EventType.Warning, readiness.Reason,
                readiness.Message.Length > 0 ? readiness.Message : "Issuer is ready", ct);
        }

        // A failed registration or Vault check is often transient (server down, network, a Secret still to come):
        // try again with the error backoff.
        return (acme is { Readiness.Ready: false } && acme.Readiness.Reason == "ErrRegisterACMEAccount") || vaultCheck is { Ready: false }
            ? ReconcileResult.Error(readiness.Message)
            : caProblem?.RecheckAt is { } recheck ? ReconcileResult.RequeueAfter(recheck - now) : ReconcileResult.Done;
    }

    private static bool SameAcmeStatus(AcmeIssuerStatus? a, AcmeIssuerStatus? b) =>
        a?.Uri == b?.Uri && a?.LastRegisteredEmail == b?.LastRegisteredEmail && a?.LastPrivateKeyHash == b?.LastPrivateKeyHash;

    private async Task<CaKeyPairCheck> CheckCaAsync(string ns, string name, DateTimeOffset now, CancellationToken ct) =>
        CaKeyPairCheck.Of((await client.TryGetAsync<Secret>(ns, name, ct))?.Data.OrEmpty(), $"{ns}/{name}", now);
}
