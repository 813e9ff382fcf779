using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Tests.Support;
using CertOperator.Testing;

namespace CertOperator.Kubernetes.Tests.Integration;

public sealed class EventRecorderTests(TestClusterFixture fixture) : IClassFixture<TestClusterFixture>
{
    [Fact]
    public async Task Identical_events_are_aggregated_by_count_and_different_ones_kept_apart()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var subject = await fixture.Cluster.Client.CreateAsync(Gen.ConfigMap("subject", ns));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var recorder = new EventRecorder(fixture.Cluster.Client, "cert-operator", time);

        for (var i = 0; i < 3; i++)
        {
            await recorder.RecordAsync(subject, EventType.Warning, "IssuerNotReady", "issuer 'le' is not ready");
            time.Advance(TimeSpan.FromMinutes(1));
        }

        await recorder.RecordAsync(subject, EventType.Normal, "Issued", "certificate issued");
        var events = (await fixture.Cluster.Client.ListAllAsync<KubeEvent>(ns)).Items;

        events.Should().HaveCount(2);
        var repeated = events.Single(e => e.Reason == "IssuerNotReady");
        repeated.Should().BeEquivalentTo(new
        {
            Type = "Warning",
            Message = "issuer 'le' is not ready",
            Count = 3,
            Source = new { Component = "cert-operator" },
            FirstTimestamp = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc),
            LastTimestamp = new DateTime(2026, 3, 1, 12, 2, 0, DateTimeKind.Utc),
            InvolvedObject = new { Kind = "ConfigMap", ApiVersion = "v1", Name = "subject", NamespaceProperty = ns, Uid = subject.Metadata.Uid },
        });
        events.Single(e => e.Reason == "Issued").Count.Should().Be(1);
    }

    [Fact]
    public async Task An_event_deleted_on_the_server_is_created_again()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var subject = await fixture.Cluster.Client.CreateAsync(Gen.ConfigMap("subject", ns));
        using var recorder = new EventRecorder(fixture.Cluster.Client, "cert-operator");
        await recorder.RecordAsync(subject, EventType.Normal, "Synced", "ok");
        var first = (await fixture.Cluster.Client.ListAllAsync<KubeEvent>(ns)).Items.Single();
        await fixture.Cluster.Client.DeleteAsync<KubeEvent>(ns, first.Metadata.Name!);

        await recorder.RecordAsync(subject, EventType.Normal, "Synced", "ok");

        (await fixture.Cluster.Client.ListAllAsync<KubeEvent>(ns)).Items.Should().ContainSingle().Which.Count.Should().Be(1);
    }

    [Fact]
    public async Task Identical_events_recorded_at_once_still_become_one_event_with_their_count()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var subject = await fixture.Cluster.Client.CreateAsync(Gen.ConfigMap("subject", ns));
        using var recorder = new EventRecorder(fixture.Cluster.Client, "cert-operator");

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => recorder.RecordAsync(subject, EventType.Normal, "Synced", "ok")));

        (await fixture.Cluster.Client.ListAllAsync<KubeEvent>(ns)).Items.Should().ContainSingle().Which.Count.Should().Be(6);
    }

    [Fact]
    public async Task Different_events_do_not_wait_for_each_others_requests()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var subjects = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => fixture.Cluster.Client.CreateAsync(Gen.ConfigMap($"subject-{i}", ns))));
        using var recorder = new EventRecorder(fixture.Cluster.Client, "cert-operator");
        fixture.Cluster.Server.Faults.ResponseDelay = TimeSpan.FromSeconds(1);
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await Task.WhenAll(subjects.Select(s => recorder.RecordAsync(s, EventType.Normal, "Synced", "ok")));

            // One at a time would take at least 8 s (one delayed POST each); side by side they overlap.
            clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(0.9), "every POST was delayed by the server")
                .And.BeLessThan(TimeSpan.FromSeconds(5));
        }
        finally
        {
            fixture.Cluster.Server.Faults.ResponseDelay = TimeSpan.Zero;
        }

        (await fixture.Cluster.Client.ListAllAsync<KubeEvent>(ns)).Items.Should().HaveCount(8);
    }
}
