using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Tests.Support;
using k8s.Models;

namespace CertOperator.Kubernetes.Tests.Integration;

public sealed class BuiltInKindsTests(TestClusterFixture fixture) : IClassFixture<TestClusterFixture>
{
    [Fact]
    public async Task Service_ports_round_trip_numeric_and_named_target_ports()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        var service = new Service
        {
            Metadata = new V1ObjectMeta { Name = "solver", NamespaceProperty = ns },
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                Selector = new Dictionary<string, string>() { ["app"] = "solver" },
                Ports = [new V1ServicePort { Name = "http", Port = 8089, TargetPort = 8089 }, new V1ServicePort { Name = "alt", Port = 80, TargetPort = "http" }],
            },
        };

        var stored = await fixture.Cluster.Client.CreateAsync(service);

        stored.Spec.ClusterIP.Should().NotBeNullOrEmpty("the server allocates one");
        stored.Spec.Ports!.Select(p => p.TargetPort.Value).Should().Equal("8089", "http");
        System.Text.Json.JsonSerializer.Serialize(stored, Service.JsonTypeInfo).Should().Contain("\"targetPort\":8089").And.Contain("\"targetPort\":\"http\"", "a number stays a number on the wire");
    }

    [Fact]
    public async Task Ingress_and_IngressClass_round_trip()
    {
        var ns = await fixture.Cluster.NewNamespaceAsync();
        await fixture.Cluster.Client.CreateAsync(new IngressClass { Metadata = new V1ObjectMeta { Name = $"nginx-{ns}" }, Spec = new V1IngressClassSpec { Controller = "k8s.io/ingress-nginx" } });
        var ingress = new Ingress
        {
            Metadata = new V1ObjectMeta { Name = "solver", NamespaceProperty = ns },
            Spec = new V1IngressSpec
            {
                IngressClassName = $"nginx-{ns}",
                Rules =
                [
                    new V1IngressRule
                    {
                        Host = "example.com",
                        Http = new V1HTTPIngressRuleValue
                        {
                            Paths =
                            [
                                new V1HTTPIngressPath
                                {
                                    Path = "/.well-known/acme-challenge/token",
                                    PathType = "Exact",
                                    Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = "solver", Port = new V1ServiceBackendPort { Number = 8089 } } },
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
