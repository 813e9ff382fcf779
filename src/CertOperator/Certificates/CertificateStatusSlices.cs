using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.Certificates.Controllers;
using CertOperator.Certificates.Policies;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Serialization;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Certificates;

/// <summary>
/// Certificate.status is written by several controllers at once. Each owns a slice and writes only that
/// slice with server-side apply under its own field manager, so their writes never conflict (a whole-status
/// PUT guarded by resourceVersion made them race each other into 409s):
/// <list type="bullet">
/// <item>issuance (trigger, issuing, `renew`): the Issuing condition, revision, lastFailureTime, failedIssuanceAttempts,
/// nextPrivateKeySecretName (set with Issuing=True and removed with it, so neither costs a write of its own);</item>
/// <item>readiness: the Ready condition, notBefore, notAfter, renewalTime;</item>
/// <item>key manager: only nextPrivateKeySecretName of issuances an older version started, to name and to clear it;</item>
/// <item>ACME renewal info (ACMEUseARI): acme.ari, the server's suggested window and when to ask again.</item>
/// </list>
/// A manager's apply lists every field it wants to keep; a field it owned and leaves out is removed.
/// <para>
/// The writes that start and end an issuance also carry the readiness fields, as the readiness controller would set them
/// then (see <see cref="ReadinessDecision"/>), so that it has nothing left to write: a new Certificate costs two status
/// writes, not four. Every issuance apply therefore carries them, as cached unless it sets them, so that the issuance
/// manager, once a co-owner, never removes them by leaving them out.
/// </para>
/// </summary>
internal static class CertificateStatusSlices
{
    public const string IssuanceManager = "certoperator-issuance";
    public const string ReadinessManager = "certoperator-readiness";
    public const string KeyManager = "certoperator-key-manager";
    public const string AriManager = "certoperator-acme-ari";

    /// <summary>How often a co-owned leftover is read again when another write beat its removal.</summary>
    private const int LeftoverRemovalAttempts = 5;

    /// <summary>The issuance slice as cached, for a caller to change and apply.</summary>
    public static CertificateStatus Issuance(Certificate certificate) => new()
    {
        Conditions = Copy(certificate, ConditionTypes.Issuing),
        Revision = certificate.Status?.Revision,
        LastFailureTime = certificate.Status?.LastFailureTime,
        FailedIssuanceAttempts = certificate.Status?.FailedIssuanceAttempts,
        NextPrivateKeySecretName = certificate.Status?.NextPrivateKeySecretName,
    };

    /// <summary>The readiness slice as cached, for a caller to change and apply.</summary>
    public static CertificateStatus Readiness(Certificate certificate) => new()
    {
        Conditions = Copy(certificate, ConditionTypes.Ready),
        NotBefore = certificate.Status?.NotBefore,
        NotAfter = certificate.Status?.NotAfter,
        RenewalTime = certificate.Status?.RenewalTime,
    };

    /// <summary>The readiness slice as <paramref name="outcome"/> sets it, and whether that changes the cached one.</summary>
    public static (CertificateStatus Slice, bool Changed) Readiness(Certificate certificate, ReadinessOutcome outcome, TimeProvider time)
    {
        var slice = Readiness(certificate);
        var status = outcome.Ready ? Conditions.True : Conditions.False;
        var changed = Conditions.Set(slice.Conditions ??= [], ConditionTypes.Ready, status, outcome.Reason, outcome.Message, certificate.Metadata.Generation, time);
        changed |= slice.NotBefore != outcome.Facts?.NotBefore || slice.NotAfter != outcome.Facts?.NotAfter || slice.RenewalTime != outcome.RenewalTime;
        slice.NotBefore = outcome.Facts?.NotBefore;
        slice.NotAfter = outcome.Facts?.NotAfter;
        slice.RenewalTime = outcome.RenewalTime;
        return (slice, changed);
    }

    /// <summary>
    /// Applies the issuance slice, with the readiness fields of <paramref name="readiness"/> (null: as cached).
    /// An apply cannot remove a field another manager also owns (a `kubectl patch`, an
    /// older whole-status PUT), and a new revision must never be visible beside a lingering Issuing=True (the
    /// request manager would start revision N+2). So when Issuing goes and this manager alone owned it as last seen,
    /// one apply guarded by that resourceVersion removes it (a 409 means someone wrote since, and the slow way
    /// follows); otherwise removing Issuing takes two applies: first Issuing=False with the rest of the slice (force
    /// takes the condition's changed fields over), then the slice without it. When a co-owner keeps part of the
    /// condition (the server then refuses the half-removed entry) or of the failure fields, a guarded write from a
    /// fresh read removes them; Issuing is False by then, so nothing can start meanwhile.
    /// </summary>
    public static async Task<Certificate> ApplyIssuanceAsync(
        KubernetesClient client, Certificate certificate, CertificateStatus slice, CertificateStatus? readiness, TimeProvider time, CancellationToken ct)
    {
        readiness ??= Readiness(certificate);
        // The next key is named exactly while Issuing is True (the name is fixed per Certificate; the key manager creates the Secret).
        slice.NextPrivateKeySecretName = Conditions.IsTrue(slice.Conditions, ConditionTypes.Issuing) ? KeyManagerReconciler.NextKeySecretName(certificate) : null;

        var removesIssuing = slice.Conditions is null && Conditions.Find(certificate.Status?.Conditions, ConditionTypes.Issuing) is not null;
        if (removesIssuing && certificate.IssuingConditionSoleOwner() == IssuanceManager)
        {
            try
            {
                return await CheckedAsync(client, await ApplyAsync(client, certificate, IssuanceManager, WithReadiness(slice, readiness), certificate.Metadata.ResourceVersion, ct), slice, ct);
            }
            catch (KubernetesApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                // Written since this copy was read: who owns Issuing now is unknown, so take the two steps.
            }
        }

        if (removesIssuing && Copy(certificate, ConditionTypes.Issuing) is { } issuing)
        {
            Conditions.Set(issuing, ConditionTypes.Issuing, Conditions.False, "IssuanceEnded", "This issuance has ended", certificate.Metadata.Generation, time);
            await ApplyAsync(client, certificate, IssuanceManager, WithReadiness(new CertificateStatus
            {
                Conditions = issuing,
                Revision = slice.Revision,
                LastFailureTime = slice.LastFailureTime,
                FailedIssuanceAttempts = slice.FailedIssuanceAttempts,
                NextPrivateKeySecretName = slice.NextPrivateKeySecretName,
            }, readiness), ct);
        }

        Certificate applied;
        try
        {
            applied = await ApplyAsync(client, certificate, IssuanceManager, WithReadiness(slice, readiness), ct);
        }
        catch (KubernetesApiException e) when (e.StatusCode == System.Net.HttpStatusCode.UnprocessableEntity && slice.Conditions is null)
        {
            applied = await client.GetAsync<Certificate>(certificate.Metadata.NamespaceProperty, certificate.Metadata.Name!, ct);
        }

        return await CheckedAsync(client, applied, slice, ct);
    }

    /// <summary>
    /// Applies the readiness slice. Once an issuance write has carried the validity fields the issuance manager co-owns
    /// them, so an apply that leaves one out (the Secret is gone, the renewal time cannot be met) does not remove it: a
    /// write guarded by the version the apply returned removes what is left.
    /// </summary>
    public static async Task<Certificate> ApplyReadinessAsync(KubernetesClient client, Certificate certificate, CertificateStatus slice, CancellationToken ct)
    {
        var applied = await ApplyAsync(client, certificate, ReadinessManager, slice, ct);
        if (applied.Status is not { } status
            || (slice.NotBefore is not null || status.NotBefore is null)
            && (slice.NotAfter is not null || status.NotAfter is null)
            && (slice.RenewalTime is not null || status.RenewalTime is null))
        {
            return applied;
        }

        status.NotBefore = slice.NotBefore;
        status.NotAfter = slice.NotAfter;
        status.RenewalTime = slice.RenewalTime;
        return await client.ReplaceStatusAsync(applied, ct);
    }

    public static Task<Certificate> ApplyAsync(KubernetesClient client, Certificate certificate, string fieldManager, CertificateStatus slice, CancellationToken ct) =>
        ApplyAsync(client, certificate, fieldManager, slice, resourceVersion: null, ct);

    /// <summary>
    /// What an apply of the slice left behind because another manager co-owns it, removed by a write guarded by the
    /// version read. Another manager may write in between (the readiness manager, seeing the new revision): Issuing is
    /// no longer True by then, so nothing can start meanwhile, and the removal is read again and retried. An Issuing=True
    /// found on a read is someone's new request (e.g. another `renew`) and stays.
    /// </summary>
    private static async Task<Certificate> CheckedAsync(KubernetesClient client, Certificate applied, CertificateStatus slice, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (applied.Status is not { } status
                || slice.Conditions is null && Conditions.IsTrue(status.Conditions, ConditionTypes.Issuing)
                || (Conditions.Find(status.Conditions, ConditionTypes.Issuing) is null || slice.Conditions is not null)
                && (slice.LastFailureTime is not null || status.LastFailureTime is null)
                && (slice.FailedIssuanceAttempts is not null || status.FailedIssuanceAttempts is null))
            {
                return applied;
            }

            if (slice.Conditions is null)
            {
                Conditions.Remove(status.Conditions ?? [], ConditionTypes.Issuing);
            }

            status.LastFailureTime = slice.LastFailureTime;
            status.FailedIssuanceAttempts = slice.FailedIssuanceAttempts;
            try
            {
                return await client.ReplaceStatusAsync(applied, ct);
            }
            catch (KubernetesApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict && attempt < LeftoverRemovalAttempts)
            {
                applied = await client.GetAsync<Certificate>(applied.Metadata.NamespaceProperty, applied.Metadata.Name!, ct);
            }
        }
    }

    /// <summary>Applies the slice; with a <paramref name="resourceVersion"/>, only onto that version (409 Conflict otherwise).</summary>
    private static Task<Certificate> ApplyAsync(KubernetesClient client, Certificate certificate, string fieldManager, CertificateStatus slice, string? resourceVersion, CancellationToken ct)
    {
        var metadata = new JsonObject { ["name"] = certificate.Metadata.Name, ["namespace"] = certificate.Metadata.NamespaceProperty };
        if (resourceVersion is not null)
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        var body = new JsonObject
        {
            ["apiVersion"] = Certificate.Resource.ApiVersion,
            ["kind"] = Certificate.Resource.Kind,
            ["metadata"] = metadata,
            ["status"] = JsonSerializer.SerializeToNode(slice, CertManagerJsonContext.Default.CertificateStatus),
        };
        return client.ApplyStatusAsync<Certificate>(certificate.Metadata.NamespaceProperty, certificate.Metadata.Name!, body, fieldManager, force: true, ct);
    }

    /// <summary>The issuance slice with the readiness fields beside it, as one apply body.</summary>
    private static CertificateStatus WithReadiness(CertificateStatus issuance, CertificateStatus readiness)
    {
        List<Condition> conditions = [.. issuance.Conditions ?? [], .. readiness.Conditions ?? []];
        return new CertificateStatus
        {
            Conditions = conditions.Count > 0 ? conditions : null,
            Revision = issuance.Revision,
            LastFailureTime = issuance.LastFailureTime,
            FailedIssuanceAttempts = issuance.FailedIssuanceAttempts,
            NextPrivateKeySecretName = issuance.NextPrivateKeySecretName,
            NotBefore = readiness.NotBefore,
            NotAfter = readiness.NotAfter,
            RenewalTime = readiness.RenewalTime,
        };
    }

    private static List<Condition>? Copy(Certificate certificate, string type) =>
        Conditions.Find(certificate.Status?.Conditions, type) is { } c
            ? [new Condition { Type = c.Type, Status = c.Status, Reason = c.Reason, Message = c.Message, LastTransitionTime = c.LastTransitionTime, ObservedGeneration = c.ObservedGeneration }]
            : null;
}
