using System.Text;
using CertOperator.CertificateRequests;
using CertOperator.Certificates.Pki;
using CertOperator.Certificates.Policies;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Meta;
using CertOperator.Crds.WellKnown;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Certificates.Controllers;

/// <summary>
/// Completes an issuance: when the CertificateRequest for revision N+1 is signed, writes key and chain
/// into the target Secret, then bumps status.revision and clears Issuing, setting Ready as it is then. When the request failed,
/// records the failure (lastFailureTime, failedIssuanceAttempts) that the trigger's backoff reads.
/// Writing the Secret before the status makes a crash in between harmless: the next run rewrites it.
/// The Secret is written only when the Certificate may (see <see cref="Policies.SecretOwnership"/>).
/// </summary>
internal sealed class IssuingReconciler(CertificateStore store, SignedPayloadMemo<CertificateRequest> payloads, EventRecorder events, TimeProvider time)
    : ConflictTolerantReconciler
{
    /// <summary>
    /// The request each Certificate's last issuance here completed, by its uid. For a moment after the status write the
    /// cache can still show the Certificate issuing that request; completing it again would rewrite the Secret, read the
    /// chain again and repeat the Event. The write's own watch event brings the Certificate back here once the cache has it.
    /// </summary>
    private readonly VersionMemo<string> _completed = new(capacity: 1024);

    protected override async Task<ReconcileResult> ReconcileCoreAsync(ObjectKey key, CancellationToken ct)
    {
        if (store.Find(key) is not { } certificate
            || !Conditions.IsTrue(certificate.Status?.Conditions, ConditionTypes.Issuing)
            || store.RequestFor(certificate, (certificate.Status!.Revision ?? 0) + 1) is not { } request)
        {
            return ReconcileResult.Done;
        }

        if (_completed.TryGet(key, out _, out var completed))
        {
            if (completed == request.Metadata.Uid)
            {
                return ReconcileResult.Done;
            }

            _completed.Forget(key);
        }

        if (RequestFailure(request) is { } failure && !IssuanceAttempts.FailedBeforeThisAttempt(request, certificate))
        {
            await RecordFailureAsync(certificate, failure, ct);
            return ReconcileResult.Done;
        }

        if (!Conditions.IsTrue(request.Status?.Conditions, ConditionTypes.Ready))
        {
            return ReconcileResult.Done;
        }

        // The cache keeps no chain of a finished request: take it from the write that signed it here, else read it once.
        var signed = request.IsPayloadTrimmed()
            ? await payloads.TakeAsync(request, ct) ?? SignedPayload.Of(await store.Client.TryGetAsync<CertificateRequest>(request.Metadata.NamespaceProperty, request.Metadata.Name!, ct))
            : SignedPayload.Of(request);
        if (signed is null)
        {
            return ReconcileResult.Done;
        }

        return await CompleteAsync(certificate, request, signed, ct);
    }

    public static string? RequestFailure(CertificateRequest request)
    {
        var conditions = request.Status?.Conditions;
        if (Conditions.IsTrue(conditions, ConditionTypes.Denied) || Conditions.IsTrue(conditions, ConditionTypes.InvalidRequest))
        {
            return Conditions.Find(conditions, ConditionTypes.Denied)?.Message ?? Conditions.Find(conditions, ConditionTypes.InvalidRequest)?.Message;
        }

        var ready = Conditions.Find(conditions, ConditionTypes.Ready);
        return ready is { Status: Conditions.False, Reason: "Failed" } ? ready.Message ?? "the request failed" : null;
    }

    private async Task<ReconcileResult> CompleteAsync(Certificate certificate, CertificateRequest request, SignedPayload signed, CancellationToken ct)
    {
        var ns = certificate.Metadata.NamespaceProperty!;
        if (certificate.Status?.NextPrivateKeySecretName is not { } keySecretName
            || await store.GetNextKeyAsync(ns, keySecretName, ct) is not { } keySecret
            || keySecret.Data?.GetOrDefault(SecretOutputs.TlsKey) is not { } keyPem)
        {
            return ReconcileResult.Done;
        }

        var chainPem = Encoding.ASCII.GetString(Convert.FromBase64String(signed.Chain));
        var caPem = signed.Ca is { Length: > 0 } ca ? Encoding.ASCII.GetString(Convert.FromBase64String(ca)) : null;
        var parsed = CertificateFacts.Parse(Encoding.ASCII.GetBytes(chainPem), keyPem);
        if (parsed.Facts is not { } facts)
        {
            await RecordFailureAsync(certificate, $"the signed certificate in CertificateRequest \"{request.Metadata.Name}\" does not fit the private key: {parsed.Message}", ct);
            return ReconcileResult.Done;
        }

        var outputs = SecretOutputs.Build(certificate.Spec, chainPem, caPem, Encoding.ASCII.GetString(keyPem),
            certificate.Spec.Keystores?.Pkcs12 is { Create: true } p12 ? await PasswordAsync(certificate, p12.Password, p12.PasswordSecretRef, ct) : null,
            certificate.Spec.Keystores?.Jks is { Create: true } jks ? await PasswordAsync(certificate, jks.Password, jks.PasswordSecretRef, ct) : null);
        if (!outputs.Ok)
        {
            await RecordFailureAsync(certificate, outputs.Error!.Message, ct);
            return ReconcileResult.Done;
        }

        var existing = await store.GetSecretAsync(ns, certificate.Spec.SecretName, ct);
        if (store.Ownership(certificate, existing is null ? null : ExistingSecret.Of(existing)) is { Blocks: true })
        {
            // Became contested since the trigger looked: stop issuing and write nothing; readiness reports the conflict.
            var stopped = CertificateStatusSlices.Issuance(certificate);
            stopped.Conditions = null;
            await store.ApplyIssuanceAsync(certificate, stopped, time, ct);
            return ReconcileResult.Done;
        }

        var secret = TargetSecret.Build(certificate, existing, outputs.Value!.Data, facts);
        TargetSecretView written;
        try
        {
            written = await store.WriteTargetAsync(secret, replace: existing is not null, ct);
        }
        catch (KubernetesApiException e) when (e.IsInvalid)
        {
            // E.g. a secretTemplate label the server refuses: the same write would fail forever, so back off on status.
            await RecordFailureAsync(certificate, $"the API server rejected Secret \"{secret.Metadata.Name}\": {e.Status.Message}", ct);
            return ReconcileResult.Done;
        }
        foreach (var warning in outputs.Value.Warnings)
        {
            await events.RecordAsync(certificate, EventType.Warning, "OutputFormatUnsupported", warning, ct);
        }

        var revision = CertificateStore.RevisionOf(request)!.Value;
        var issued = CertificateStatusSlices.Issuance(certificate);
        issued.Revision = revision;
        issued.LastFailureTime = null;
        issued.FailedIssuanceAttempts = null;
        issued.Conditions = null;
        // Ready as it is once this write lands, so the readiness controller has nothing left to write.
        var readiness = ReadinessDecision.Decide(store.InputAfterIssuance(certificate, request, written, time.GetUtcNow()), progress: null);
        await store.ApplyIssuanceAsync(certificate, issued, readiness, time, ct);
        _completed.Remember(ObjectKey.Of(certificate), null, request.Metadata.Uid!);
        await events.RecordAsync(certificate, EventType.Normal, "Issuing", "The certificate has been successfully issued", ct);
        return ReconcileResult.Done;
    }

    /// <summary>A keystore's password: the literal `password`, else the entry `passwordSecretRef` names; null when neither gives one.</summary>
    private async Task<byte[]?> PasswordAsync(Certificate certificate, string? literal, SecretKeySelector? reference, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(literal))
        {
            return Encoding.UTF8.GetBytes(literal);
        }

        if (reference is null)
        {
            return null;
        }

        var secret = await store.GetSecretAsync(certificate.Metadata.NamespaceProperty!, reference.Name, ct);
        return secret?.Data?.GetOrDefault(reference.Key ?? "password");
    }

    private Task RecordFailureAsync(Certificate certificate, string message, CancellationToken ct) =>
        IssuanceFailure.RecordAsync(store, events, time, certificate, $"The certificate request has failed to complete and will be retried: {message}", ct);
}
