using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Tests.Support;

namespace CertOperator.Kubernetes.Tests.Integration;

public sealed class BuiltInKindsTests(TestClusterFixture fixture) : IClassFixture<TestClusterFixture>
{
    [Fact]
    public async Task Service_ports_round_trip_numeric_and_named_target_ports()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var service = new Service
        {
            Metadata = new ObjectMeta { Name = "solver", Namespace = ns },
            Spec = new ServiceSpec
            {
                Type = "ClusterIP",
                Selector = new() { ["app"] = "solver" },
                Ports = [new ServicePort { Name = "http", Port = 8089, TargetPort = new IntOrString(8089) }, new ServicePort { Name = "alt", Port = 80, TargetPort = new IntOrString("http") }],
            },
        };

        var stored = await fixture.Cluster.Client.CreateAsync(service);

        stored.Spec.ClusterIP.Should().NotBeNullOrEmpty("the server allocates one");
        stored.Spec.Ports!.Select(p => p.TargetPort).Should().Equal(new IntOrString(8089), new IntOrString("http"));
    }

    [Fact]
    public async Task Ingress_and_IngressClass_round_trip()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        await fixture.Cluster.Client.CreateAsync(new IngressClass { Metadata = new ObjectMeta { Name = $"nginx-{ns}" }, Spec = new IngressClassSpec { Controller = "k8s.io/ingress-nginx" } });
        var ingress = new Ingress
        {
            Metadata = new ObjectMeta { Name = "solver", Namespace = ns },
            Spec = new IngressSpec
            {
                IngressClassName = $"nginx-{ns}",
                Rules =
                [
                    new IngressRule
                    {
                        Host = "example.com",
                        Http = new HttpIngressRuleValue
                        {
                            Paths =
                            [
                                new HttpIngressPath
                                {
                                    Path = "/.well-known/acme-challenge/token",
                                    PathType = "Exact",
                                    Backend = new IngressBackend { Service = new IngressServiceBackend { Name = "solver", Port = new ServiceBackendPort { Number = 8089 } } },
                                },
                            ],
                        },
                    },
                ],
            },
        };

        await fixture.Cluster.Client.CreateAsync(ingress);
        var stored = await fixture.Cluster.Client.GetAsync<Ingress>(ns, "solver");
        var ingressClass = await fixture.Cluster.Client.GetAsync<IngressClass>(null, $"nginx-{ns}");

        stored.Spec.Should().BeEquivalentTo(ingress.Spec);
        ingressClass.Spec.Controller.Should().Be("k8s.io/ingress-nginx");
    }
}
