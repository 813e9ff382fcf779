using System.Net;
using System.Net.Sockets;
using CertOperator.Acme.Dns01;
using CertOperator.Acme.Dns01.Providers;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Dns;
using CertOperator.Infrastructure;
using CertOperator.Issuers;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Tests.Acme.Dns01;

/// <summary>The DNS-01 propagation check against a nameserver that never answers: a bounded wait that ends in a reason, not an exception.</summary>
public sealed class Dns01SolverCheckTests : IDisposable
{
    private readonly UdpClient _silent = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly KubernetesClient _kube = new(KubernetesClientConfiguration.From(new k8s.KubernetesClientConfiguration { Host = "https://127.0.0.1:1" }));

    [Fact]
    public async Task A_nameserver_that_never_answers_is_the_reason_the_record_is_not_visible_yet()
    {
        var nameserver = $"127.0.0.1:{((IPEndPoint)_silent.Client.LocalEndPoint!).Port}";
        var options = new OperatorOptions { ClusterResourceNamespace = "cert-manager", Dns01Nameservers = [nameserver] };
        var checker = new TxtPropagationChecker(new TxtPropagationOptions { RecursiveNameservers = [nameserver], Timeout = TimeSpan.FromMilliseconds(200), Attempts = 2 });
        await using var informers = new SharedInformerFactory(_kube);
        var solver = new Dns01Solver([new Rfc2136DnsProvider(_kube, TimeProvider.System)], new IssuerLookup(informers, options), checker, options);

        var reason = await solver.CheckAsync(Challenge(), new Issuer(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        reason.Should().Be($"checking TXT record _acme-challenge.example.com. failed: No answer from nameserver {nameserver} over UDP after 2 attempts of 0.2s: "
            + "check the nameserver address and that it is reachable.");
    }

    public void Dispose()
    {
        _silent.Dispose();
        _kube.Dispose();
    }

    private static Challenge Challenge() => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-1", NamespaceProperty = "default" },
        Spec = new ChallengeSpec
        {
            Url = "https://acme.test/chall/1",
            AuthorizationUrl = "https://acme.test/authz/1",
            DnsName = "example.com",
            Type = "DNS-01",
            Token = "tok",
            Key = "txt-value",
            Solver = new AcmeChallengeSolver { Dns01 = new AcmeChallengeSolverDns01 { Rfc2136 = new Rfc2136Provider { Nameserver = "10.0.0.53:53" } } },
            IssuerRef = new IssuerReference { Name = "acme", Kind = "Issuer" },
        },
    };
}
