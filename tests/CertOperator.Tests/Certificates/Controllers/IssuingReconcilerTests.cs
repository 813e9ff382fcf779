using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.CertificateRequests;
using CertOperator.Certificates.Controllers;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using k8s.Models;

namespace CertOperator.Tests.Certificates.Controllers;

/// <summary>
/// The issuing controller against the test API server: its last look before it writes (a Secret that became another
/// Certificate's while an issuance was under way is left as it is, and the issuance stops instead of being retried),
/// and a cache that has not yet seen its own status write.
/// </summary>
public sealed class IssuingReconcilerTests() : ContestedSecretTests("race")
{
    [Fact]
    public async Task A_signed_certificate_is_not_written_into_a_Secret_another_Certificate_owns()
    {
        await CreateCertificateAsync("owner");
        var late = await CreateCertificateAsync("late");
        var shared = await CreateOwnersSecretAsync();
        await SignedIssuanceUnderWayAsync(late);

        await using var informers = new SharedInformerFactory(Client);
        using var events = new EventRecorder(Client, "test");
        var result = await (await SyncedReconcilerAsync(informers, events)).ReconcileAsync(new ObjectKey(Ns, "late"), CancellationToken.None);

        result.Should().Be(ReconcileResult.Done);
        (await Client.GetAsync<Secret>(Ns, "shared")).Metadata.ResourceVersion.Should().Be(shared.Metadata.ResourceVersion, "the owner's Secret is not written");
        var after = await Client.GetAsync<Certificate>(Ns, "late");
        Conditions.Find(after.Status?.Conditions, "Issuing").Should().BeNull("the issuance stops rather than waiting to overwrite the Secret");
        after.Status!.Revision.Should().BeNull("nothing was issued");
        after.Status.FailedIssuanceAttempts.Should().BeNull("a refusal is no failed attempt to back off from");
    }

    [Fact]
    public async Task A_request_completed_here_is_not_completed_again_while_the_cache_shows_the_certificate_from_before()
    {
        await SignedIssuanceUnderWayAsync(await CreateCertificateAsync("late"));
        var informers = new SharedInformerFactory(Client);
        using var events = new EventRecorder(Client, "test");
        var reconciler = await SyncedReconcilerAsync(informers, events);
        await informers.DisposeAsync();
        await reconciler.ReconcileAsync(new ObjectKey(Ns, "late"), CancellationToken.None);
        var issued = Server.Requests.Snapshot();

        // The stopped informers still show Issuing=True at revision 0 and the signed request for revision 1.
        await reconciler.ReconcileAsync(new ObjectKey(Ns, "late"), CancellationToken.None);

        RequestCounter.Delta(issued, Server.Requests.Snapshot()).Should().Be(0, "the second look makes no request at all");
        (await Client.GetAsync<Certificate>(Ns, "late")).Status!.Revision.Should().Be(1);
        var announced = (await Client.ListAsync<KubeEvent>(Ns)).Items.Where(e => e.Reason == "Issuing" && e.Message!.Contains("successfully issued", StringComparison.Ordinal));
        announced.Should().ContainSingle().Which.Count.GetValueOrDefault(1).Should().Be(1, "the Event is recorded once, not counted up by a repeat");
    }

    /// <summary>An issuing reconciler over <paramref name="informers"/>' caches, once they have synced.</summary>
    private async Task<IssuingReconciler> SyncedReconcilerAsync(SharedInformerFactory informers, EventRecorder events)
    {
        var store = await SyncedStoreAsync(informers);
        return new IssuingReconciler(store, new SignedPayloadMemo<Crds.CertificateRequests.CertificateRequest>(SignedPayload.ForIssuing), events, TimeProvider.System);
    }

    /// <summary>Issuing=True, the next key in its temporary Secret, and the CertificateRequest for revision 1 signed.</summary>
    private async Task SignedIssuanceUnderWayAsync(Certificate certificate)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=late", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("example.com");
        request.CertificateExtensions.Add(names.Build());
        using var signed = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
        await Client.CreateAsync(new Secret
        {
            Metadata = new V1ObjectMeta { Name = "late-next", NamespaceProperty = Ns, OwnerReferences = [Owners.ControllerReference(certificate)] },
            Type = "Opaque",
            Data = new Dictionary<string, byte[]>() { ["tls.key"] = Encoding.ASCII.GetBytes(key.ExportPkcs8PrivateKeyPem()) },
        });

        certificate.Status = new CertificateStatus
        {
            NextPrivateKeySecretName = "late-next",
            Conditions = [new Condition { Type = "Issuing", Status = "True", Reason = "DoesNotExist", Message = "Issuing", LastTransitionTime = DateTimeOffset.UtcNow }],
        };
        await Client.ReplaceStatusAsync(certificate);

        var created = await Client.CreateAsync(new Crds.CertificateRequests.CertificateRequest
        {
            Metadata = new V1ObjectMeta
            {
                Name = "late-1",
                NamespaceProperty = Ns,
                Annotations = new Dictionary<string, string>() { ["cert-manager.io/certificate-name"] = "late", ["cert-manager.io/certificate-revision"] = "1" },
                OwnerReferences = [Owners.ControllerReference(certificate)],
            },
            Spec = new CertificateRequestSpec { Request = Convert.ToBase64String(Encoding.ASCII.GetBytes("csr")), IssuerRef = certificate.Spec.IssuerRef },
        });
        created.Status = new CertificateRequestStatus
        {
            Conditions = [new Condition { Type = "Ready", Status = "True", Reason = "Issued", Message = "Issued", LastTransitionTime = DateTimeOffset.UtcNow }],
            Certificate = Convert.ToBase64String(Encoding.ASCII.GetBytes(signed.ExportCertificatePem())),
        };
        await Client.ReplaceStatusAsync(created);
    }
}
