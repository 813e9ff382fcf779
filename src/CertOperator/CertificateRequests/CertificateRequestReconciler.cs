using System.Text;
using CertOperator.Acme.Orders;
using CertOperator.Certificates.Pki;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Infrastructure;
using CertOperator.Issuers;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;
using CertOperator.Validation;

namespace CertOperator.CertificateRequests;

/// <summary>
/// Approves CertificateRequests for our issuers (as cert-manager's built-in approver does), then signs
/// them with the referenced issuer and stores the result in status. Terminal states are never revisited.
/// The approval goes into the same status write as what signing found, not a write of its own.
/// </summary>
internal sealed class CertificateRequestReconciler(
    SharedInformerFactory informers,
    KubernetesClient client,
    IssuerLookup issuers,
    RequestSigner signer,
    AcmeRequestHandler acme,
    SignedPayloadMemo<CertificateRequest> payloads,
    EventRecorder events,
    TimeProvider time)
    : ConflictTolerantReconciler
{
    public const string ApprovedReason = "cert-manager.io";

    protected override async Task<ReconcileResult> ReconcileCoreAsync(ObjectKey key, CancellationToken ct)
    {
        if (informers.GetInformer<CertificateRequest>().Store.Find(key) is not { Metadata.DeletionTimestamp: null } request)
        {
            // Deleted before its Certificate read the chain (the Certificate deleted mid-issuance): nothing will read it now.
            payloads.Forget(key);
            return ReconcileResult.Done;
        }

        if (!IssuerLookup.IsOurs(request.Spec.IssuerRef))
        {
            return ReconcileResult.Done;
        }

        var conditions = request.Status?.Conditions;
        var approve = Conditions.Find(conditions, ConditionTypes.Approved) is null && Conditions.Find(conditions, ConditionTypes.Denied) is null;
        if (CertificateRequest.IsFinished(conditions))
        {
            return ReconcileResult.Done;
        }

        if (Conditions.IsTrue(conditions, ConditionTypes.Denied))
        {
            await SetAsync(request, approve: false, ConditionTypes.Ready, Conditions.False, "Denied", "The CertificateRequest was denied by an approval controller", true, ct);
            return ReconcileResult.Done;
        }

        // cert-manager's webhook refuses such a request; without one, fail it for good and say which field is wrong.
        if (CertificateRequestValidation.Validate(request.Spec) is { Count: > 0 } invalid)
        {
            await FailAsync(request, approve, new PkiError(PkiError.InvalidCsr, $"The CertificateRequest spec is invalid: {string.Join("; ", invalid)}"), ct, eventReason: "Failed");
            return ReconcileResult.Done;
        }

        var issuer = issuers.Find(request.Spec.IssuerRef, request.Metadata.NamespaceProperty);
        if (issuer is null || !Conditions.IsTrue(issuer.Status?.Conditions, ConditionTypes.Ready))
        {
            var why = issuer is null ? "not found" : "not Ready";
            await SetAsync(request, approve, ConditionTypes.Ready, Conditions.False, "Pending", $"Referenced {IssuerLookup.Describe(request.Spec.IssuerRef)} is {why}", false, ct);
            return ReconcileResult.Done;
        }

        if (issuer.Spec.Acme is not null)
        {
            await ApplyAcmeProgressAsync(request, approve, await acme.ProgressAsync(request, issuer, ct), ct);
            return ReconcileResult.Done;
        }

        var outcome = await signer.SignAsync(request, issuer, ct);
        if (outcome.PendingMessage is { } pending)
        {
            await SetAsync(request, approve, ConditionTypes.Ready, Conditions.False, "Pending", pending, false, ct);
            if (outcome.Retry)
            {
                return ReconcileResult.Error(pending);
            }
        }
        else if (outcome.Failure is { } failure)
        {
            await FailAsync(request, approve, failure, ct);
        }
        else
        {
            await StoreAsync(request, approve, outcome.Signed!, ct);
        }

        return ReconcileResult.Done;
    }

    private async Task StoreAsync(CertificateRequest request, bool approve, SignedCertificate signed, CancellationToken ct)
    {
        // Remembered, so the issuing step reads the chain from this write's response instead of GETting it back.
        await payloads.WriteAsync(ObjectKey.Of(request), token => StatusWriter.UpdateStatusAsync(client, request, r =>
        {
            r.Status ??= new CertificateRequestStatus();
            Approve(r.Status, approve);
            r.Status.Certificate = Convert.ToBase64String(Encoding.ASCII.GetBytes(signed.ChainPem));
            r.Status.Ca = signed.CaPem.Length > 0 ? Convert.ToBase64String(Encoding.ASCII.GetBytes(signed.CaPem)) : null;
            Conditions.Set(r.Status.Conditions ??= [], ConditionTypes.Ready, Conditions.True, "Issued", "Certificate fetched from issuer successfully", null, time);
            return true;
        }, token), ct);
        if (!Owners.ControlledBy(request, Certificate.Resource.Kind))
        {
            // A Certificate's own request says nothing here that its Certificate's "Issuing" Event does not say a moment later.
            await events.RecordAsync(request, EventType.Normal, "CertificateIssued", "Certificate fetched from issuer successfully", ct);
        }
    }

    private async Task ApplyAcmeProgressAsync(CertificateRequest request, bool approve, AcmeRequestHandler.Progress progress, CancellationToken ct)
    {
        if (progress.CertificatePem is { } chain)
        {
            await StoreAsync(request, approve, new SignedCertificate(chain, chain, ""), ct);
        }
        else if (progress.FailureMessage is { } failure)
        {
            await FailAsync(request, approve, new PkiError("Failed", failure), ct);
        }
        else
        {
            await SetAsync(request, approve, ConditionTypes.Ready, Conditions.False, "Pending", progress.PendingMessage!, false, ct);
        }
    }

    private async Task FailAsync(CertificateRequest request, bool approve, PkiError failure, CancellationToken ct, string eventReason = "SigningError")
    {
        await StatusWriter.UpdateStatusAsync(client, request, r =>
        {
            r.Status ??= new CertificateRequestStatus();
            Approve(r.Status, approve);
            r.Status.FailureTime ??= time.GetUtcNow();
            var conditions = r.Status.Conditions ??= [];
            if (failure.Reason == PkiError.InvalidCsr)
            {
                Conditions.Set(conditions, ConditionTypes.InvalidRequest, Conditions.True, "Failed", failure.Message, null, time);
            }

            Conditions.Set(conditions, ConditionTypes.Ready, Conditions.False, "Failed", failure.Message, null, time);
            return true;
        }, ct);
        await events.RecordAsync(request, EventType.Warning, eventReason, failure.Message, ct);
    }

    private async Task SetAsync(CertificateRequest request, bool approve, string type, string status, string reason, string message, bool terminal, CancellationToken ct) =>
        await StatusWriter.UpdateStatusAsync(client, request, r =>
        {
            r.Status ??= new CertificateRequestStatus();
            if (terminal)
            {
                r.Status.FailureTime ??= time.GetUtcNow();
            }

            return Approve(r.Status, approve) | Conditions.Set(r.Status.Conditions ??= [], type, status, reason, message, null, time) || terminal;
        }, ct);

    /// <summary>cert-manager's built-in approval, unless an approver has decided meanwhile (the write re-reads on conflict).</summary>
    private bool Approve(CertificateRequestStatus status, bool approve) =>
        approve
        && Conditions.Find(status.Conditions, ConditionTypes.Approved) is null
        && Conditions.Find(status.Conditions, ConditionTypes.Denied) is null
        && Conditions.Set(status.Conditions ??= [], ConditionTypes.Approved, Conditions.True, ApprovedReason, "Certificate request has been approved by cert-manager.io", null, time);
}
