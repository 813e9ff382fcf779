using System.Text;
using System.Text.Json.Nodes;
using CertOperator.Acme.Http01;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Tests.Acme.Http01;

public sealed class Http01SolverTests(SolverCluster cluster) : IClassFixture<SolverCluster>
{
    private static Issuer Issuer => SolverCluster.Issuer;

    private KubernetesClient Client => cluster.Client;

    [Fact]
    public async Task Present_creates_owned_pod_service_and_ingress_once()
    {
        var challenge = await cluster.CreateChallengeAsync(i => i.IngressClassName = "nginx");
        using var http = new HttpClient();
        var solver = NewSolver(http);

        await solver.PresentAsync(challenge, Issuer, CancellationToken.None);
        await solver.PresentAsync(challenge, Issuer, CancellationToken.None);

        var ns = challenge.Metadata.NamespaceProperty;
        var pod = (await Client.ListAsync<Pod>(ns)).Items.Should().ContainSingle().Subject;
        var service = (await Client.ListAsync<Service>(ns)).Items.Should().ContainSingle().Subject;
        var ingress = (await Client.ListAsync<Ingress>(ns)).Items.Should().ContainSingle().Subject;
        foreach (var obj in new IKubernetesObject[] { pod, service, ingress })
        {
            obj.Metadata.Name.Should().Be(SolverResources.Name(challenge));
            SolverResources.IsOwnedBy(obj, challenge).Should().BeTrue($"{obj.Kind} is garbage collected with the Challenge");
        }

        ingress.Spec.IngressClassName.Should().Be("nginx");
        service.Spec.Type.Should().Be("NodePort");
    }

    [Fact]
    public async Task Clean_up_deletes_what_present_created_and_tolerates_running_twice()
    {
        var challenge = await cluster.CreateChallengeAsync();
        using var http = new HttpClient();
        var solver = NewSolver(http);
        await solver.PresentAsync(challenge, Issuer, CancellationToken.None);

        await solver.CleanUpAsync(challenge, Issuer, CancellationToken.None);
        await solver.CleanUpAsync(challenge, Issuer, CancellationToken.None);

        var ns = challenge.Metadata.NamespaceProperty;
        (await Client.ListAsync<Pod>(ns)).Items.Should().BeEmpty();
        (await Client.ListAsync<Service>(ns)).Items.Should().BeEmpty();
        (await Client.ListAsync<Ingress>(ns)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Named_ingress_is_edited_in_place_and_restored()
    {
        var challenge = await cluster.CreateChallengeAsync(i => i.Name = "shared");
        var ns = challenge.Metadata.NamespaceProperty;
        await Client.CreateAsync(new Ingress
        {
            Metadata = new V1ObjectMeta { Name = "shared", NamespaceProperty = ns },
            Spec = new V1IngressSpec
            {
                Tls = [new V1IngressTLS { Hosts = ["example.com"], SecretName = "web-tls" }],
                Rules = [new V1IngressRule { Host = "example.com", Http = new V1HTTPIngressRuleValue { Paths = [AppPath()] } }],
            },
        });
        using var http = new HttpClient();
        var solver = NewSolver(http);

        await solver.PresentAsync(challenge, Issuer, CancellationToken.None);
        var edited = await Client.GetAsync<Ingress>(ns, "shared");
        await solver.CleanUpAsync(challenge, Issuer, CancellationToken.None);
        var restored = await Client.GetAsync<Ingress>(ns, "shared");

        (await Client.ListAsync<Ingress>(ns)).Items.Should().ContainSingle("no Ingress of its own is created");
        edited.Spec.Rules!.Single().Http!.Paths.Select(p => p.Path).Should().Equal("/", SolverResources.ChallengePath(challenge));
        restored.Spec.Rules!.Single().Http!.Paths.Select(p => p.Path).Should().Equal("/");
        restored.Spec.Tls.Should().ContainSingle().Which.SecretName.Should().Be("web-tls");
        (await Client.ListAsync<Pod>(ns)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Missing_named_ingress_says_which_field_to_fix()
    {
        var challenge = await cluster.CreateChallengeAsync(i => i.Name = "absent");
        using var http = new HttpClient();

        var present = () => NewSolver(http).PresentAsync(challenge, Issuer, CancellationToken.None);

        await present.Should().ThrowAsync<InvalidOperationException>().WithMessage("*'absent'*spec.solver.http01.ingress.name*");
    }

    [Fact]
    public async Task A_full_affinity_applied_in_an_issuer_reaches_the_solver_pod_unchanged()
    {
        // Posted as the user's JSON, so the Issuer and Challenge CRD schemas (validation, pruning) see every field.
        var probe = await cluster.CreateChallengeAsync();
        var ns = probe.Metadata.NamespaceProperty;
        await Client.PostJsonAsync($"/apis/cert-manager.io/v1/namespaces/{ns}/issuers", Encoding.UTF8.GetBytes(FullAffinityIssuer.Manifest().ToJsonString()));
        var stored = await Client.GetAsync<Issuer>(ns, "acme-affinity");
        var challenge = await cluster.CreateChallengeAsync(i => i.PodTemplate = stored.Spec.Acme!.Solvers![0].Http01!.Ingress!.PodTemplate);
        using var http = new HttpClient();

        await NewSolver(http).PresentAsync(challenge, stored, CancellationToken.None);

        var pod = await Client.GetAsync<Pod>(challenge.Metadata.NamespaceProperty, SolverResources.Name(challenge));
        var affinity = System.Text.Json.JsonSerializer.SerializeToNode(pod, Pod.JsonTypeInfo)!["spec"]!["affinity"];
        JsonNode.DeepEquals(affinity, FullAffinityIssuer.Affinity()).Should().BeTrue(affinity?.ToJsonString());
    }

    private Http01Solver NewSolver(HttpClient http) => cluster.NewSolver(http);

    private static V1HTTPIngressPath AppPath() => new()
    {
        Path = "/",
        PathType = "Prefix",
        Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = "app", Port = new V1ServiceBackendPort { Number = 80 } } },
    };
}
