using System.Globalization;
using CertOperator.Certificates.Pki;
using CertOperator.Certificates.Policies;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Certificates;

/// <summary>
/// Reads what the certificate controllers decide on: Certificates and CertificateRequests from the
/// shared caches, Secrets by GET (the Secret cache holds metadata only, to keep memory flat).
/// </summary>
internal sealed class CertificateStore
{
    private readonly IInformer<Certificate> _certificates;
    private readonly IInformer<CertificateRequest> _requests;
    private readonly IInformer<PartialObjectMetadata> _secrets;
    private readonly KubernetesClient _client;

    public CertificateStore(SharedInformerFactory informers, KubernetesClient client)
    {
        CertificateIndexes.Register(informers);
        _certificates = informers.GetInformer<Certificate>();
        _requests = informers.GetInformer<CertificateRequest>();
        _secrets = informers.GetMetadataInformer<Secret>();
        _client = client;
    }

    public KubernetesClient Client => _client;

    /// <summary>The cached Certificate, or null when it is gone or being deleted.</summary>
    public Certificate? Find(ObjectKey key) =>
        _certificates.Store.Find(key) is { Metadata.DeletionTimestamp: null } certificate ? certificate : null;

    public IReadOnlyList<CertificateRequest> RequestsOf(Certificate certificate) =>
        [.. _requests.Store.ByIndex(CertificateIndexes.RequestsByCertificate, ObjectKey.Of(certificate).ToString())
            .Where(r => IsOwnedBy(r, certificate))];

    public CertificateRequest? RequestFor(Certificate certificate, int revision) =>
        RequestsOf(certificate).FirstOrDefault(r => RevisionOf(r) == revision);

    public static int? RevisionOf(CertificateRequest request) =>
        request.Metadata.Annotations?.GetValueOrDefault(CertManagerAnnotations.CertificateRevision) is { } text
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : null;

    public static bool IsOwnedBy(IKubernetesObject item, Certificate certificate) =>
        item.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == certificate.Metadata.Uid) == true;

    /// <summary>GETs a Secret in full when the metadata cache says it exists.</summary>
    public async Task<Secret?> GetSecretAsync(string ns, string name, CancellationToken ct) =>
        _secrets.Store.Find(new ObjectKey(ns, name)) is null ? null : await _client.TryGetAsync<Secret>(ns, name, ct);

    /// <summary>
    /// Everything the issuance policies need about one Certificate. With <paramref name="confirmAbsent"/>, a Secret
    /// missing from the metadata cache is looked up on the server before it counts as absent: the cache can lag
    /// the Secret the issuing controller has just written, and deciding "does not exist" from it issues twice.
    /// </summary>
    public async Task<IssuanceInput> GatherAsync(Certificate certificate, DateTimeOffset now, bool confirmAbsent, CancellationToken ct)
    {
        var ns = certificate.Metadata.Namespace!;
        var secret = await GetSecretAsync(ns, certificate.Spec.SecretName, ct)
            ?? (confirmAbsent ? await _client.TryGetAsync<Secret>(ns, certificate.Spec.SecretName, ct) : null);
        var current = certificate.Status?.Revision is { } revision ? RequestFor(certificate, revision) : null;
        return new IssuanceInput(certificate, secret is null ? null : Describe(secret), current, now);
    }

    private static SecretState Describe(Secret secret)
    {
        var data = secret.Data ?? [];
        var parsed = CertificateFacts.Parse(data.GetValueOrDefault(SecretOutputs.TlsCrt), data.GetValueOrDefault(SecretOutputs.TlsKey));
        return new SecretState(secret.Metadata.Annotations ?? [], parsed.Facts, parsed.Reason, parsed.Message);
    }
}
