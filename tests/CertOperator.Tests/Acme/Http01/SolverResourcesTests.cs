using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.Acme.Http01;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Meta;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Tests.Acme.Http01;

public sealed class SolverResourcesTests
{
    private static readonly Http01Options Options = new();

    [Fact]
    public void Names_are_stable_per_challenge_and_differ_between_challenges()
    {
        var first = SolverResources.Name(Http01Gen.Challenge("a"));

        first.Should().MatchRegex("^cm-acme-http-solver-[bcdfghjklmnpqrstvwxz2456789]{5}$");
        SolverResources.Name(Http01Gen.Challenge("a", dnsName: "other.com")).Should().Be(first, "the name depends on the Challenge name only");
        SolverResources.Name(Http01Gen.Challenge("b")).Should().NotBe(first);
    }

    [Fact]
    public void Labels_hash_domain_and_token_with_adler32_like_cert_manager()
    {
        var challenge = Http01Gen.Challenge(dnsName: "example.com", token: "tok-123");

        SolverResources.Labels(challenge).Should().Equal(new Dictionary<string, string>
        {
            ["acme.cert-manager.io/http01-solver"] = "true",
            ["acme.cert-manager.io/http-domain"] = "446694490",
            ["acme.cert-manager.io/http-token"] = "163709458",
        });
        SolverResources.LabelSelector(challenge).Should().Be(
            "acme.cert-manager.io/http-domain=446694490,acme.cert-manager.io/http-token=163709458,acme.cert-manager.io/http01-solver=true");
    }

    [Fact]
    public void Every_object_is_controlled_by_the_challenge()
    {
        var challenge = Http01Gen.Challenge("c1", ns: "prod");
        IEnumerable<CertOperator.Kubernetes.Model.IKubernetesObject> objects =
            [SolverResources.Pod(challenge, Options), SolverResources.Service(challenge, Options), SolverResources.Ingress(challenge, Options)];

        foreach (var obj in objects)
        {
            obj.Metadata.NamespaceProperty.Should().Be("prod");
            obj.Metadata.Name.Should().Be(SolverResources.Name(challenge));
            obj.Metadata.OwnerReferences.Should().ContainSingle().Which.Should().BeEquivalentTo(new
            {
                ApiVersion = "acme.cert-manager.io/v1", Kind = "Challenge", Name = "c1", Uid = "uid-c1", Controller = true,
            });
            SolverResources.IsOwnedBy(obj, challenge).Should().BeTrue();
            SolverResources.IsOwnedBy(obj, Http01Gen.Challenge("c2")).Should().BeFalse();
        }
    }

    [Fact]
    public void Pod_runs_acmesolver_locked_down_and_small()
    {
        var pod = SolverResources.Pod(Http01Gen.Challenge(), Options with { SolverImage = "registry/certoperator:1.2" });
        var container = pod.Spec!["containers"]![0]!;

        container["image"]!.GetValue<string>().Should().Be("registry/certoperator:1.2");
        Strings(container["args"]).Should().Equal("acmesolver", "--listen-port=8089", "--domain=example.com", "--token=tok-123", "--key=tok-123.thumbprint");
        container["ports"]![0]!["containerPort"]!.GetValue<int>().Should().Be(8089);
        JsonNode.DeepEquals(container["securityContext"], JsonNode.Parse("""{"readOnlyRootFilesystem":true,"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]}}""")).Should().BeTrue();
        container["resources"]!["limits"]!["memory"]!.GetValue<string>().Should().Be("64Mi");
        pod.Spec!["securityContext"]!["runAsNonRoot"]!.GetValue<bool>().Should().BeTrue();
        pod.Metadata.Labels.Should().Contain(SolverResources.Labels(Http01Gen.Challenge()));
    }

    public static TheoryData<string, Http01PodTemplate, string, string> PodTemplateCases => new()
    {
        { "label added", new() { Metadata = new() { Labels = new() { ["team"] = "web" } } }, "metadata.labels.team", "web" },
        { "annotation overrides the built-in one", new() { Metadata = new() { Annotations = new() { ["sidecar.istio.io/inject"] = "true" } } }, "metadata.annotations.sidecar.istio.io/inject", "true" },
        { "node selector entry added", new() { Spec = new() { NodeSelector = new() { ["zone"] = "a" } } }, "spec.nodeSelector.zone", "a" },
        { "built-in node selector kept", new() { Spec = new() { NodeSelector = new() { ["zone"] = "a" } } }, "spec.nodeSelector.kubernetes.io/os", "linux" },
        { "toleration", new() { Spec = new() { Tolerations = [new Toleration { Key = "dedicated", Operator = "Equal", Value = "acme", Effect = "NoSchedule" }] } }, "spec.tolerations", """[{"key":"dedicated","operator":"Equal","value":"acme","effect":"NoSchedule"}]""" },
        { "service account", new() { Spec = new() { ServiceAccountName = "solver" } }, "spec.serviceAccountName", "solver" },
        { "priority class", new() { Spec = new() { PriorityClassName = "high" } }, "spec.priorityClassName", "high" },
        { "image pull secret", new() { Spec = new() { ImagePullSecrets = [new LocalObjectReference { Name = "regcred" }] } }, "spec.imagePullSecrets", """[{"name":"regcred"}]""" },
        {
            "security context replaced", new() { Spec = new() { SecurityContext = new SolverPodSecurityContext { RunAsUser = 1000, SeccompProfile = new SeccompProfile { Type = "Localhost", LocalhostProfile = "acme.json" } } } },
            "spec.securityContext", """{"runAsUser":1000,"seccompProfile":{"localhostProfile":"acme.json","type":"Localhost"}}"""
        },
    };

    [Theory]
    [MemberData(nameof(PodTemplateCases))]
    public void Pod_template_overrides_are_merged(string name, Http01PodTemplate template, string field, string expected)
    {
        var pod = SolverResources.Pod(Http01Gen.Challenge(ingress: i => i.PodTemplate = template), Options);
        var json = new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = Map(pod.Metadata.Labels!), ["annotations"] = Map(pod.Metadata.Annotations!) },
            ["spec"] = pod.Spec!,
        };

        var parts = field.Split('.', 3);
        var value = json[parts[0]]![parts[1]]!;
        var actual = parts.Length == 3 ? value[parts[2]] : value;
        if (actual is JsonValue v && v.TryGetValue<string>(out var s))
        {
            s.Should().Be(expected, name);
        }
        else
        {
            JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).Should().BeTrue($"{name}: {actual?.ToJsonString()}");
        }
    }

    [Fact]
    public void A_full_affinity_from_issuer_yaml_reaches_the_pod_unchanged()
    {
        var solver = FullAffinityIssuer.Issuer().Spec.Acme!.Solvers![0];
        var challenge = Http01Gen.Challenge();
        challenge.Spec.Solver = solver;

        var affinity = SolverResources.Pod(challenge, Options).Spec!["affinity"];

        JsonNode.DeepEquals(affinity, FullAffinityIssuer.Affinity()).Should().BeTrue(affinity?.ToJsonString());
    }

    [Fact]
    public void Template_resources_replace_the_default_per_resource_and_keep_the_others()
    {
        var template = new Http01PodTemplate
        {
            Spec = new()
            {
                Resources = new SolverPodResources
                {
                    Requests = new() { ["cpu"] = Element("\"50m\""), ["ephemeral-storage"] = Element("1") },
                    Limits = new() { ["memory"] = Element("\"128Mi\"") },
                },
            },
        };

        var resources = SolverResources.Pod(Http01Gen.Challenge(ingress: i => i.PodTemplate = template), Options).Spec!["containers"]![0]!["resources"]!;

        // Every quantity is written as a string, as Kubernetes does; the API server reads 1 and "1" alike.
        var expected = JsonNode.Parse("""{"requests":{"cpu":"50m","memory":"64Mi","ephemeral-storage":"1"},"limits":{"cpu":"100m","memory":"128Mi"}}""");
        JsonNode.DeepEquals(resources, expected).Should().BeTrue(resources.ToJsonString());
    }

    public static TheoryData<string, string?, string> ServiceTypeCases => new()
    {
        { "default is NodePort like cert-manager", null, "NodePort" },
        { "empty is NodePort", "", "NodePort" },
        { "ClusterIP", "ClusterIP", "ClusterIP" },
    };

    [Theory]
    [MemberData(nameof(ServiceTypeCases))]
    public void Service_fronts_the_solver_pod(string name, string? serviceType, string expectedType)
    {
        var challenge = Http01Gen.Challenge(ingress: i => i.ServiceType = serviceType);

        var service = SolverResources.Service(challenge, Options);

        service.Spec.Type.Should().Be(expectedType, name);
        service.Spec.Selector.Should().Equal(SolverResources.Labels(challenge));
        service.Spec.Ports.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Port = 8089, TargetPort = (IntOrString)8089 });
    }

    public static TheoryData<string, Action<AcmeChallengeSolverHttp01Ingress>, string?, string?> IngressClassCases => new()
    {
        { "no class", _ => { }, null, null },
        { "ingressClassName sets the spec field", i => i.IngressClassName = "nginx", "nginx", null },
        { "class sets the legacy annotation", i => i.Class = "traefik", null, "traefik" },
    };

    [Theory]
    [MemberData(nameof(IngressClassCases))]
    public void Ingress_routes_the_challenge_path_to_the_service(string name, Action<AcmeChallengeSolverHttp01Ingress> config, string? className, string? classAnnotation)
    {
        var challenge = Http01Gen.Challenge(ingress: config);

        var ingress = SolverResources.Ingress(challenge, Options);

        ingress.Spec.IngressClassName.Should().Be(className, name);
        ingress.Metadata.Annotations!.GetOrDefault("kubernetes.io/ingress.class").Should().Be(classAnnotation, name);
        var rule = ingress.Spec.Rules.Should().ContainSingle().Subject;
        rule.Host.Should().Be("example.com");
        rule.Http!.Paths.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Path = "/.well-known/acme-challenge/tok-123",
            PathType = "ImplementationSpecific",
            Backend = new { Service = new { Name = SolverResources.Name(challenge), Port = new { Number = 8089 } } },
        });
    }

    [Fact]
    public void Ingress_template_metadata_is_merged()
    {
        var challenge = Http01Gen.Challenge(ingress: i => i.IngressTemplate = new Http01IngressTemplate
        {
            Metadata = new SolverObjectMeta { Labels = new() { ["team"] = "web" }, Annotations = new() { ["nginx.ingress.kubernetes.io/whitelist-source-range"] = "10.0.0.0/8" } },
        });

        var ingress = SolverResources.Ingress(challenge, Options);

        ingress.Metadata.Labels.Should().Contain("team", "web").And.Contain("acme.cert-manager.io/http01-solver", "true");
        ingress.Metadata.Annotations.Should().Contain("nginx.ingress.kubernetes.io/whitelist-source-range", "10.0.0.0/8");
    }

    [Fact]
    public void An_http01_solver_with_no_route_kind_is_rejected_with_the_field_names()
    {
        var challenge = Http01Gen.Challenge();
        challenge.Spec.Solver.Http01 = new AcmeChallengeSolverHttp01();

        FluentActions.Invoking(() => SolverResources.Pod(challenge, Options))
            .Should().Throw<InvalidOperationException>().WithMessage("*spec.solver.http01*ingress*gatewayHTTPRoute*");
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    private static JsonObject Map(IDictionary<string, string> map) => new(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));


    private static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
