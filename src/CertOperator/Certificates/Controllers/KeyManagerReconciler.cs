using System.Text;
using CertOperator.Certificates.Pki;
using CertOperator.Certificates.Policies;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Certificates.Controllers;

/// <summary>
/// While a Certificate is Issuing, keeps the private key for the next revision in a temporary Secret
/// (named in status.nextPrivateKeySecretName, which the trigger sets with Issuing); afterwards removes it.
/// With rotationPolicy Never the current key is carried over. Writes status only for issuances an older
/// version started, which named the Secret in a status field of this controller's own.
/// </summary>
internal sealed class KeyManagerReconciler(CertificateStore store) : ConflictTolerantReconciler
{
    public const string NextKeyLabel = "cert-manager.io/next-private-key";

    /// <summary>One name per Certificate (by uid), so a crash between create and status update cannot leave a second key behind.</summary>
    public static string NextKeySecretName(Certificate certificate) =>
        ObjectNames.Derive(certificate.Metadata.Name!, $"-next-key-{certificate.Metadata.Uid![..8]}");

    protected override async Task<ReconcileResult> ReconcileCoreAsync(ObjectKey key, CancellationToken ct)
    {
        if (store.Find(key) is not { } certificate)
        {
            return ReconcileResult.Done;
        }

        var ns = certificate.Metadata.NamespaceProperty!;
        var name = NextKeySecretName(certificate);
        if (!Conditions.IsTrue(certificate.Status?.Conditions, ConditionTypes.Issuing))
        {
            await SetNextKeyNameAsync(certificate, null, ct);
            await store.DeleteNextKeyAsync(ns, name, ct);

            return ReconcileResult.Done;
        }

        var spec = PrivateKeySpec.Resolve(certificate.Spec.PrivateKey);
        if (!spec.Ok)
        {
            return ReconcileResult.Done;
        }

        var existing = await store.GetNextKeyAsync(ns, name, ct);
        if (existing is null || !CertificateStore.IsOwnedBy(existing, certificate) || !Satisfies(existing, spec.Value!))
        {
            // cert-manager also records a "Generated" Event here; the Certificate's "Requested" Event follows at once.
            var keyPem = await CurrentKeyToKeepAsync(certificate, spec.Value!, ct) ?? Generate(spec.Value!);
            await WriteAsync(certificate, name, existing, keyPem, ct);
        }

        if (certificate.Status?.NextPrivateKeySecretName is null)
        {
            await SetNextKeyNameAsync(certificate, name, ct);
        }

        return ReconcileResult.Done;
    }

    private static bool Satisfies(Secret secret, PrivateKeySpec spec)
    {
        if (secret.Data?.GetOrDefault(SecretOutputs.TlsKey) is not { } pem)
        {
            return false;
        }

        var parsed = PrivateKey.FromPem(Encoding.ASCII.GetString(pem));
        using var key = parsed.Value;
        return parsed.Ok && key!.Satisfies(spec);
    }

    /// <summary>rotationPolicy Never: the key already in the target Secret, if it still fits the spec and the Secret is ours to write.</summary>
    private async Task<string?> CurrentKeyToKeepAsync(Certificate certificate, PrivateKeySpec spec, CancellationToken ct)
    {
        if (spec.RotateAlways
            || await store.GetSecretAsync(certificate.Metadata.NamespaceProperty!, certificate.Spec.SecretName, ct) is not { } target
            || store.Ownership(certificate, ExistingSecret.Of(target)) is { Blocks: true })
        {
            return null;
        }

        return Satisfies(target, spec) ? Encoding.ASCII.GetString(target.Data![SecretOutputs.TlsKey]) : null;
    }

    private static string Generate(PrivateKeySpec spec)
    {
        using var key = PrivateKey.Generate(spec).Value!;
        return key.ToPem(KeyEncoding.Pkcs8);
    }

    /// <summary>Creates or replaces the temporary Secret (leaving one that turned out to exist already; see below).</summary>
    private async Task WriteAsync(Certificate certificate, string name, Secret? existing, string keyPem, CancellationToken ct)
    {
        var secret = new Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = certificate.Metadata.NamespaceProperty,
                Labels = new Dictionary<string, string>() { [NextKeyLabel] = "true", [CertManagerLabels.PartOfCertManagerController] = "true" },
                OwnerReferences = [Owners.ControllerReference(certificate)],
                ResourceVersion = existing?.Metadata.ResourceVersion,
            },
            Type = "Opaque",
            Data = new Dictionary<string, byte[]>() { [SecretOutputs.TlsKey] = Encoding.ASCII.GetBytes(keyPem) },
        };
        if (existing is not null)
        {
            await store.WriteNextKeyAsync(secret, replace: true, ct);
            return;
        }

        try
        {
            await store.WriteNextKeyAsync(secret, replace: false, ct);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            // Created by the previous reconcile but not in the Secret cache yet (a separate watch from the Certificate's):
            // its watch event wakes this key again, and that reconcile checks the key the Secret holds.
        }
    }

    private async Task SetNextKeyNameAsync(Certificate certificate, string? name, CancellationToken ct)
    {
        if (certificate.Status?.NextPrivateKeySecretName == name)
        {
            return;
        }

        var applied = await CertificateStatusSlices.ApplyAsync(
            store.Client, certificate, CertificateStatusSlices.KeyManager, new CertificateStatus { NextPrivateKeySecretName = name }, ct);
        if (name is null && applied.Status?.NextPrivateKeySecretName is not null)
        {
            // Also owned by an older whole-status write: an apply cannot remove it, a guarded write can.
            applied.Status.NextPrivateKeySecretName = null;
            applied = await store.Client.ReplaceStatusAsync(applied, ct);
        }

        store.Written(certificate, applied);
    }
}
