using System.Text.Json.Nodes;
using CertOperator.Certificates;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Meta;
using CertOperator.Crds.WellKnown;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using CertOperator.Testing;
using k8s.Models;

namespace CertOperator.Tests.Certificates;

/// <summary>
/// Ending an issuance (Issuing removed, the revision set) against the test API server: one apply guarded by the
/// resourceVersion when the issuance manager alone owned Issuing in the copy it read; the two-step way when that copy
/// is stale or another manager co-owns the condition. Every way ends with no Issuing and the new revision.
/// </summary>
public sealed class CertificateStatusSlicesTests : IAsyncLifetime
{
    private const string Ns = "slices";
    private TestCluster _cluster = null!;

    private KubeApiServer Server => _cluster.Server;

    private KubernetesClient Client => _cluster.Client;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartWithCrdsAsync(Ns);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    /// <summary>
    /// Each case: what happens around the read of the copy, and the applies expected ("APPLY certificates/status CODE"
    /// = count; a co-owner may also cost a guarded PUT, which is not counted here).
    /// </summary>
    public static TheoryData<string, string, string[]> Cases => new()
    {
        { "sole owner, copy current", "nothing", ["APPLY certificates/status 200=1"] },
        { "sole owner, copy stale", "readiness applies", ["APPLY certificates/status 409=1", "APPLY certificates/status 200=2"] },
        { "co-owned through kubectl patch", "kubectl patches the conditions before the read", ["APPLY certificates/status 200=2"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Ending_an_issuance_removes_Issuing_and_sets_the_revision_in_as_few_writes_as_is_safe(string name, string meanwhile, string[] writes)
    {
        var certificate = await IssuingAsync(name.Replace(' ', '-').Replace(",", "", StringComparison.Ordinal));
        if (meanwhile == "kubectl patches the conditions before the read")
        {
            var conditions = new JsonArray([new JsonObject { ["type"] = ConditionTypes.Issuing, ["status"] = "True", ["reason"] = "ManuallyTriggered", ["message"] = "renew" }]);
            await Client.PatchStatusAsync<Certificate>(Ns, certificate.Metadata.Name!, Patch.Merge(new JsonObject { ["status"] = new JsonObject { ["conditions"] = conditions } }));
        }

        var copy = await Client.GetAsync<Certificate>(Ns, certificate.Metadata.Name!);
        if (meanwhile == "readiness applies")
        {
            var ready = CertificateStatusSlices.Readiness(copy);
            ready.Conditions = [new Condition { Type = ConditionTypes.Ready, Status = "False", Reason = "DoesNotExist", Message = "not yet" }];
            await CertificateStatusSlices.ApplyAsync(Client, copy, CertificateStatusSlices.ReadinessManager, ready, CancellationToken.None);
        }

        var before = Server.Requests.Snapshot();
        var slice = CertificateStatusSlices.Issuance(copy);
        slice.Conditions = null;
        slice.Revision = 1;
        var ended = await CertificateStatusSlices.ApplyIssuanceAsync(Client, copy, slice, readiness: null, TimeProvider.System, CancellationToken.None);
        var after = Server.Requests.Snapshot();

        ended.Status!.Revision.Should().Be(1, name);
        ended.Status.Conditions.Should().NotContain(c => c.Type == ConditionTypes.Issuing, name);
        var stored = await Client.GetAsync<Certificate>(Ns, certificate.Metadata.Name!);
        stored.Status!.Conditions.Should().NotContain(c => c.Type == ConditionTypes.Issuing, name);
        stored.Status.NextPrivateKeySecretName.Should().BeNull(name);
        var counted = writes.Select(w => w.Split('=')).ToDictionary(w => w[0], w => int.Parse(w[1], System.Globalization.CultureInfo.InvariantCulture));
        foreach (var key in new[] { "APPLY certificates/status 200", "APPLY certificates/status 409" })
        {
            RequestCounter.Delta(before, after, key).Should().Be(counted.GetValueOrDefault(key), $"{name}: {key}");
        }
    }

    [Fact]
    public async Task A_cached_copy_knows_who_alone_owns_Issuing_so_ending_from_the_cache_takes_one_apply()
    {
        await using var informers = new SharedInformerFactory(Client, Ns);
        var cache = informers.GetInformer<Certificate>();
        informers.Start();
        await informers.WaitForSyncAsync(CancellationToken.None);
        var issuing = await IssuingAsync("from-cache");
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Certificate? cached;
        while ((cached = cache.Store.Find(ObjectKey.Of(issuing))) is null || cached.Metadata.ResourceVersion != issuing.Metadata.ResourceVersion)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), patience.Token);
        }

        cached.Metadata.ManagedFields.Should().BeNull("caches drop managedFields");
        cached.IssuingConditionSoleOwner().Should().Be(CertificateStatusSlices.IssuanceManager);
        var before = Server.Requests.Snapshot();
        var slice = CertificateStatusSlices.Issuance(cached);
        slice.Conditions = null;
        slice.Revision = 1;
        await CertificateStatusSlices.ApplyIssuanceAsync(Client, cached, slice, readiness: null, TimeProvider.System, CancellationToken.None);
        RequestCounter.Delta(before, Server.Requests.Snapshot(), "APPLY certificates/status 200").Should().Be(1);
    }

    [Fact]
    public async Task Readiness_removes_validity_fields_the_issuance_manager_co_owns_since_it_ended_an_issuance()
    {
        var issuing = await IssuingAsync("co-owned");
        var notBefore = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var ended = CertificateStatusSlices.Issuance(issuing);
        ended.Conditions = null;
        ended.Revision = 1;
        var valid = new CertificateStatus
        {
            Conditions = [new Condition { Type = ConditionTypes.Ready, Status = "True", Reason = "Ready", Message = "Certificate is up to date and has not expired" }],
            NotBefore = notBefore,
            NotAfter = notBefore.AddDays(90),
            RenewalTime = notBefore.AddDays(60),
        };
        var issued = await CertificateStatusSlices.ApplyIssuanceAsync(Client, issuing, ended, valid, TimeProvider.System, CancellationToken.None);
        issued.Status!.NotAfter.Should().Be(notBefore.AddDays(90), "the write that ends an issuance carries the validity fields");

        // The Secret is gone: readiness says so and drops the validity fields, which the issuance manager still owns.
        var gone = new CertificateStatus
        {
            Conditions = [new Condition { Type = ConditionTypes.Ready, Status = "False", Reason = "DoesNotExist", Message = "Issuing certificate as Secret does not exist" }],
        };
        var applied = await CertificateStatusSlices.ApplyAsync(Client, issued, CertificateStatusSlices.ReadinessManager, gone, CancellationToken.None);
        applied.Status!.NotAfter.Should().NotBeNull("an apply cannot remove a field another manager owns");
        var before = Server.Requests.Snapshot();
        var removed = await CertificateStatusSlices.ApplyReadinessAsync(Client, applied, gone, CancellationToken.None);

        removed.Status!.NotBefore.Should().BeNull();
        removed.Status.NotAfter.Should().BeNull();
        removed.Status.RenewalTime.Should().BeNull();
        Conditions.Find(removed.Status.Conditions, ConditionTypes.Ready)!.Reason.Should().Be("DoesNotExist");
        removed.Status.Revision.Should().Be(1);
        var stored = await Client.GetAsync<Certificate>(Ns, "co-owned");
        stored.Status!.NotAfter.Should().BeNull();
        RequestCounter.Delta(before, Server.Requests.Snapshot(), "PUT certificates/status 200").Should().Be(1, "one guarded write removes what the apply left");
    }

    /// <summary>A Certificate whose issuance the issuance manager started (Issuing=True), as the trigger does.</summary>
    private async Task<Certificate> IssuingAsync(string name)
    {
        var created = await Client.CreateAsync(new Certificate
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns },
            Spec = new CertificateSpec { SecretName = name + "-tls", DnsNames = ["a.example.com"], IssuerRef = new IssuerReference { Name = "ca" } },
        });
        var slice = CertificateStatusSlices.Issuance(created);
        slice.Conditions = [new Condition { Type = ConditionTypes.Issuing, Status = "True", Reason = "DoesNotExist", Message = "Issuing certificate as Secret does not exist" }];
        return await CertificateStatusSlices.ApplyIssuanceAsync(Client, created, slice, readiness: null, TimeProvider.System, CancellationToken.None);
    }
}
