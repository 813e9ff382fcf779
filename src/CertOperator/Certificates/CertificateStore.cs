using System.Globalization;
using CertOperator.Certificates.Ari;
using CertOperator.Certificates.Pki;
using CertOperator.Certificates.Policies;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.WellKnown;
using CertOperator.Infrastructure;
using CertOperator.Issuers;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;

namespace CertOperator.Certificates;

/// <summary>
/// Reads what the certificate controllers decide on: Certificates, CertificateRequests and issuers from the
/// shared caches; Secrets by GET (the Secret cache holds metadata only, to keep memory flat), except that the
/// target and next-key Secrets are fetched once per version (<see cref="SecretReads{TView}"/>).
/// </summary>
internal sealed class CertificateStore
{
    private readonly IInformer<Certificate> _certificates;
    private readonly IInformer<CertificateRequest> _requests;
    private readonly IInformer<PartialObjectMetadata> _secrets;
    private readonly IInformer<Issuer> _issuers;
    private readonly IInformer<ClusterIssuer> _clusterIssuers;
    private readonly KubernetesClient _client;
    private readonly SecretReads<TargetSecretView> _targets;
    private readonly SecretReads<Secret> _keySecrets;
    private readonly IAriRandom? _ari;
    private readonly CertificateWrites _written = new();

    /// <summary>With <paramref name="ari"/>, decisions follow the ACME Renewal Information recorded in status.acme (ACMEUseARI).</summary>
    public CertificateStore(SharedInformerFactory informers, KubernetesClient client, OperatorOptions options, IAriRandom? ari = null)
    {
        _ari = options.FeatureGates.AcmeUseAri ? ari ?? new AriRandom() : null;
        CertificateIndexes.Register(informers, options.ClusterResourceNamespace);
        _certificates = informers.GetInformer<Certificate>();
        _requests = informers.GetInformer<CertificateRequest>();
        _secrets = informers.GetMetadataInformer<Secret>();
        _issuers = informers.GetInformer<Issuer>();
        _clusterIssuers = informers.GetInformer<ClusterIssuer>();
        _client = client;
        _targets = new SecretReads<TargetSecretView>(_secrets, client, secret => new TargetSecretView(ExistingSecret.Of(secret), Describe(secret)));
        _keySecrets = new SecretReads<Secret>(_secrets, client, secret => secret);
    }

    public KubernetesClient Client => _client;

    /// <summary>
    /// The cached Certificate (or what our last status write of it returned, until the cache shows that write; see
    /// <see cref="CertificateWrites"/>), or null when it is gone or being deleted.
    /// </summary>
    public Certificate? Find(ObjectKey key) =>
        _written.Newest(key, _certificates.Store.Find(key)) is { Metadata.DeletionTimestamp: null } certificate ? certificate : null;

    /// <summary>How many Certificates are read from our last write of them rather than from the cache.</summary>
    public int WrittenAheadOfCache => _written.Count;

    /// <summary>Applies the readiness slice (<see cref="CertificateStatusSlices.ApplyReadinessAsync"/>); reads see the result before the cache does.</summary>
    public async Task ApplyReadinessAsync(Certificate certificate, CertificateStatus slice, CancellationToken ct) =>
        Written(certificate, await CertificateStatusSlices.ApplyReadinessAsync(_client, certificate, slice, ct));

    /// <summary>Applies a status slice under <paramref name="fieldManager"/>; reads see the result before the cache does.</summary>
    public async Task ApplyStatusAsync(Certificate certificate, string fieldManager, CertificateStatus slice, CancellationToken ct) =>
        Written(certificate, await CertificateStatusSlices.ApplyAsync(_client, certificate, fieldManager, slice, ct));

    /// <summary>
    /// Applies the issuance slice with the readiness fields as cached (<see cref="CertificateStatusSlices.ApplyIssuanceAsync"/>);
    /// reads see the result before the cache does.
    /// </summary>
    public async Task ApplyIssuanceAsync(Certificate certificate, CertificateStatus slice, TimeProvider time, CancellationToken ct) =>
        Written(certificate, await CertificateStatusSlices.ApplyIssuanceAsync(_client, certificate, slice, readiness: null, time, ct));

    /// <summary>
    /// Applies the issuance slice with the readiness fields as <paramref name="readiness"/> sets them when it is plain;
    /// otherwise as cached, and the readiness controller writes them with its Warning Event.
    /// </summary>
    public async Task ApplyIssuanceAsync(Certificate certificate, CertificateStatus slice, ReadinessOutcome readiness, TimeProvider time, CancellationToken ct)
    {
        var carried = readiness.Plain ? CertificateStatusSlices.Readiness(certificate, readiness, time).Slice : null;
        Written(certificate, await CertificateStatusSlices.ApplyIssuanceAsync(_client, certificate, slice, carried, time, ct));
    }

    /// <summary>Records what the server returned for a write of <paramref name="read"/>, for reads until the cache shows it.</summary>
    public void Written(Certificate read, Certificate written) =>
        _written.Record(read, written, _certificates.Store.Find(ObjectKey.Of(read))?.Metadata.ResourceVersion);

    public IReadOnlyList<CertificateRequest> RequestsOf(Certificate certificate) =>
        [.. _requests.Store.ByIndex(CertificateIndexes.RequestsByCertificate, ObjectKey.Of(certificate).ToString())
            .Where(r => IsOwnedBy(r, certificate))];

    public CertificateRequest? RequestFor(Certificate certificate, int revision) =>
        RequestsOf(certificate).FirstOrDefault(r => RevisionOf(r) == revision);

    public static int? RevisionOf(CertificateRequest request) =>
        request.Metadata.Annotations?.GetOrDefault(CertManagerAnnotations.CertificateRevision) is { } text
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : null;

    public static bool IsOwnedBy(IKubernetesObject item, Certificate certificate) =>
        item.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == certificate.Metadata.Uid) == true;

    /// <summary>GETs a Secret in full when the metadata cache says it exists.</summary>
    public async Task<Secret?> GetSecretAsync(string ns, string name, CancellationToken ct) =>
        _secrets.Store.Find(new ObjectKey(ns, name)) is null ? null : await _client.TryGetAsync<Secret>(ns, name, ct);

    /// <summary>The temporary Secret holding the next private key, fetched once per version.</summary>
    public Task<Secret?> GetNextKeyAsync(string ns, string name, CancellationToken ct) => _keySecrets.GetAsync(ns, name, confirmAbsent: false, ct);

    /// <summary>
    /// A Secret holding a key to sign with (a CA's key pair, a SelfSigned request's key), fetched once per version; one missing
    /// from the cache is looked up on the server, since nothing would wake the signer when the cache catches up.
    /// </summary>
    public Task<Secret?> GetKeySecretAsync(string ns, string name, CancellationToken ct) => _keySecrets.GetAsync(ns, name, confirmAbsent: true, ct);

    /// <summary>Creates or replaces a next-key Secret; what the server returns is what later reads see, without a GET.</summary>
    public async Task WriteNextKeyAsync(Secret secret, bool replace, CancellationToken ct) => await _keySecrets.WriteAsync(secret, Sender(replace), ct);

    /// <summary>Deletes a next-key Secret the cache shows, once (see <see cref="SecretReads{TView}.DeleteAsync"/>).</summary>
    public Task DeleteNextKeyAsync(string ns, string name, CancellationToken ct) => _keySecrets.DeleteAsync(ns, name, ct);

    /// <summary>Creates or replaces a target Secret; the decisions that follow read what the server returned, without a GET.</summary>
    public async Task<TargetSecretView> WriteTargetAsync(Secret secret, bool replace, CancellationToken ct) => (await _targets.WriteAsync(secret, Sender(replace), ct)).View;

    private Func<Secret, CancellationToken, Task<Secret>> Sender(bool replace) =>
        replace ? (secret, ct) => _client.ReplaceAsync(secret, ct) : (secret, ct) => _client.CreateAsync(secret, ct);

    /// <summary>
    /// Everything the issuance policies need about one Certificate. With <paramref name="confirmAbsent"/>, a Secret
    /// missing from the metadata cache is looked up on the server before it counts as absent: the cache can lag
    /// the Secret the issuing controller has just written, and deciding "does not exist" from it issues twice.
    /// </summary>
    public async Task<IssuanceInput> GatherAsync(Certificate certificate, DateTimeOffset now, bool confirmAbsent, CancellationToken ct)
    {
        var target = await _targets.GetAsync(certificate.Metadata.NamespaceProperty!, certificate.Spec.SecretName, confirmAbsent, ct);
        return Input(certificate, target, certificate.Status?.Revision is { } revision ? RequestFor(certificate, revision) : null, now);
    }

    /// <summary>The input as it will be once the issuance of <paramref name="request"/> into the Secret just written (<paramref name="target"/>) ends.</summary>
    public IssuanceInput InputAfterIssuance(Certificate certificate, CertificateRequest request, TargetSecretView target, DateTimeOffset now) =>
        Input(certificate, target, request, now);

    private IssuanceInput Input(Certificate certificate, TargetSecretView? target, CertificateRequest? current, DateTimeOffset now)
    {
        var ari = _ari is null ? null : AriWindow.Of(certificate.Status?.Acme, target?.State.Facts, _ari);
        return new IssuanceInput(certificate, target?.State, current, now, Ownership(certificate, target?.Existing), ari);
    }

    /// <summary>The RFC 9773 identifier of the valid certificate now in <paramref name="certificate"/>'s Secret (the one a renewal replaces), or null.</summary>
    public async Task<string?> CurrentAriIdAsync(Certificate certificate, CancellationToken ct) =>
        (await _targets.GetAsync(certificate.Metadata.NamespaceProperty!, certificate.Spec.SecretName, confirmAbsent: false, ct))?.State.Facts?.AriCertificateId;

    /// <summary>Whether <paramref name="certificate"/> may write <paramref name="secret"/>, its spec.secretName as just read (null: absent).</summary>
    public SecretConflict? Ownership(Certificate certificate, ExistingSecret? secret) => SecretOwnership.Decide(new SecretOwnershipInput(
        certificate, secret, IssuerUses(certificate), OtherCertificates(certificate)));

    private List<Certificate> OtherCertificates(Certificate certificate) =>
        [.. _certificates.Store.ByIndex(CertificateIndexes.BySecretName, CertificateIndexes.SecretKey(certificate))
            .Where(c => c.Metadata.Uid != certificate.Metadata.Uid && c.Metadata.DeletionTimestamp is null)];

    private List<IssuerSecretUse> IssuerUses(Certificate certificate)
    {
        var key = CertificateIndexes.SecretKey(certificate);
        var name = certificate.Spec.SecretName;
        IEnumerable<IssuerSecretUse> Uses(IEnumerable<IIssuerObject> issuers, string kind) => issuers
            .Where(i => i.Metadata.DeletionTimestamp is null)
            .OrderBy(i => i.Metadata.Name, StringComparer.Ordinal)
            .SelectMany(i => IssuerSecretReferences.Of(i.Spec).Where(r => r.SecretName == name).Select(r => new IssuerSecretUse(kind, i.Metadata.Name!, r)));
        return
        [
            .. Uses(_issuers.Store.ByIndex(CertificateIndexes.IssuersBySecret, key), Issuer.Resource.Kind),
            .. Uses(_clusterIssuers.Store.ByIndex(CertificateIndexes.IssuersBySecret, key), ClusterIssuer.Resource.Kind),
        ];
    }

    private static SecretState Describe(Secret secret)
    {
        var data = secret.Data.OrEmpty();
        var parsed = CertificateFacts.Parse(data.GetValueOrDefault(SecretOutputs.TlsCrt), data.GetValueOrDefault(SecretOutputs.TlsKey));
        return new SecretState(secret.Metadata.Annotations.OrEmpty(), parsed.Facts, parsed.Reason, parsed.Message);
    }
}
