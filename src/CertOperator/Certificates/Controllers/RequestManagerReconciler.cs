using System.Globalization;
using System.Text;
using CertOperator.Acme.Solvers;
using CertOperator.Certificates.Pki;
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
using k8s.Models;

namespace CertOperator.Certificates.Controllers;

/// <summary>
/// While Issuing, keeps exactly one CertificateRequest for revision N+1, named "&lt;certificate&gt;-&lt;N+1&gt;"
/// so a crash can never create a second one; replaces it when it no longer matches the spec or the
/// next key. Also trims old revisions to spec.revisionHistoryLimit.
/// </summary>
internal sealed class RequestManagerReconciler(CertificateStore store, EventRecorder events, TimeProvider time) : ConflictTolerantReconciler
{
    public static string RequestName(Certificate certificate, int revision) =>
        ObjectNames.Derive(certificate.Metadata.Name!, "-" + revision.ToString(CultureInfo.InvariantCulture));

    protected override async Task<ReconcileResult> ReconcileCoreAsync(ObjectKey key, CancellationToken ct)
    {
        if (store.Find(key) is not { } certificate)
        {
            return ReconcileResult.Done;
        }

        await TrimHistoryAsync(certificate, ct);
        if (!Conditions.IsTrue(certificate.Status?.Conditions, ConditionTypes.Issuing)
            || certificate.Status?.NextPrivateKeySecretName is not { } keySecretName
            || await store.GetNextKeyAsync(certificate.Metadata.NamespaceProperty!, keySecretName, ct) is not { } keySecret
            || keySecret.Data?.GetOrDefault(SecretOutputs.TlsKey) is not { } keyPem)
        {
            return ReconcileResult.Done;
        }

        using var parsedKey = PrivateKey.FromPem(Encoding.ASCII.GetString(keyPem)).Value;
        if (parsedKey is null)
        {
            return ReconcileResult.Done;
        }

        var revision = (certificate.Status.Revision ?? 0) + 1;
        if (store.RequestFor(certificate, revision) is { } existing)
        {
            if (IssuingReconciler.RequestFailure(existing) is not null && IssuanceAttempts.FailedBeforeThisAttempt(existing, certificate))
            {
                await store.Client.DeleteAsync<CertificateRequest>(existing.Metadata.NamespaceProperty, existing.Metadata.Name!, null, ct);
            }
            else if (!existing.IsPayloadTrimmed() && Mismatches(existing, certificate, parsedKey) is { Count: > 0 } problems)
            {
                await store.Client.DeleteAsync<CertificateRequest>(existing.Metadata.NamespaceProperty, existing.Metadata.Name!, null, ct);
                await events.RecordAsync(certificate, EventType.Normal, "Deleted",
                    $"Deleted CertificateRequest \"{existing.Metadata.Name}\" as it no longer matches the spec: {string.Join("; ", problems)}", ct);
            }

            return ReconcileResult.Done;
        }

        var csr = CsrBuilder.Build(certificate.Spec, parsedKey);
        if (!csr.Ok)
        {
            await IssuanceFailure.RecordAsync(store, events, time, certificate,
                $"Could not build a certificate signing request from the spec: {csr.Error!.Message}", ct);
            return ReconcileResult.Done;
        }

        await CreateAsync(certificate, revision, keySecretName, csr.Value!, ct);
        return ReconcileResult.Done;
    }

    private static List<string> Mismatches(CertificateRequest request, Certificate certificate, PrivateKey key)
    {
        var csrPem = Encoding.ASCII.GetString(Convert.FromBase64String(request.Spec.Request));
        var decoded = CsrContents.Decode(csrPem);
        var problems = decoded.Ok ? decoded.Value!.Mismatches(certificate.Spec, key).ToList() : ["spec.request is not a valid CSR"];
        var spec = certificate.Spec;
        if (request.Spec.Duration != spec.Duration || request.Spec.IsCA != spec.IsCA
            || request.Spec.IssuerRef.Name != spec.IssuerRef.Name || request.Spec.IssuerRef.Kind != spec.IssuerRef.Kind
            || request.Spec.IssuerRef.Group != spec.IssuerRef.Group)
        {
            problems.Add("spec.duration, spec.isCA or spec.issuerRef changed");
        }

        return problems;
    }

    private async Task CreateAsync(Certificate certificate, int revision, string keySecretName, string csrPem, CancellationToken ct)
    {
        var name = RequestName(certificate, revision);
        var spec = certificate.Spec;
        var request = new CertificateRequest
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = certificate.Metadata.NamespaceProperty,
                Labels = spec.SecretTemplate?.Labels is { } labels ? new Dictionary<string, string>(labels) : null,
                Annotations = new Dictionary<string, string>(SolverOverrides.Carry(certificate.Metadata.Annotations.OrEmpty()) ?? [])
                {
                    [CertManagerAnnotations.CertificateName] = certificate.Metadata.Name!,
                    [CertManagerAnnotations.CertificateRevision] = revision.ToString(CultureInfo.InvariantCulture),
                    [CertManagerAnnotations.PrivateKeySecretName] = keySecretName,
                },
                OwnerReferences = [Owners.ControllerReference(certificate)],
            },
            Spec = new CertificateRequestSpec
            {
                Request = Convert.ToBase64String(Encoding.ASCII.GetBytes(csrPem)),
                IssuerRef = new IssuerReference { Name = spec.IssuerRef.Name, Kind = spec.IssuerRef.Kind, Group = spec.IssuerRef.Group },
                Duration = spec.Duration,
                IsCA = spec.IsCA,
                Usages = spec.Usages,
            },
        };
        try
        {
            await store.Client.CreateAsync(request, ct);
            await events.RecordAsync(certificate, EventType.Normal, "Requested", $"Created new CertificateRequest resource \"{name}\"", ct);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            // Created before a restart and not yet in our cache: exactly one request per revision either way.
        }
        catch (KubernetesApiException e) when (e.IsInvalid)
        {
            await IssuanceFailure.RecordAsync(store, events, time, certificate,
                $"The API server rejected CertificateRequest \"{name}\": {e.Status.Message}", ct);
        }
    }

    /// <summary>Deletes the oldest revisions beyond spec.revisionHistoryLimit (never the one being issued).</summary>
    private async Task TrimHistoryAsync(Certificate certificate, CancellationToken ct)
    {
        if (certificate.Spec.RevisionHistoryLimit is not { } limit || limit < 1)
        {
            return;
        }

        var current = certificate.Status?.Revision ?? 0;
        var old = store.RequestsOf(certificate)
            .Select(r => (Request: r, Revision: CertificateStore.RevisionOf(r)))
            .Where(r => r.Revision is { } n && n <= current)
            .OrderByDescending(r => r.Revision)
            .Skip(limit);
        foreach (var (request, _) in old)
        {
            await store.Client.TryDeleteAsync<CertificateRequest>(request.Metadata.NamespaceProperty, request.Metadata.Name!, ct: ct);
        }
    }
}
