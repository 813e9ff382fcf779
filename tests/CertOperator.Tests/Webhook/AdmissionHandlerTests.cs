using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.Webhook.Admission;
using CertOperator.Webhook.Wire;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertOperator.Tests.Webhook;

/// <summary>The whole review: which resource gets which rules, the message a denied user reads, and the signer check.</summary>
public sealed class AdmissionHandlerTests
{
    private readonly FakeSigners _signers = new();

    [Fact]
    public async Task An_invalid_Certificate_is_denied_naming_the_field_and_the_fix()
    {
        var response = await ValidateAsync(Review("certificates", "CREATE", """{"spec":{"secretName":"s","dnsNames":["a..b"],"issuerRef":{"name":"ca"}}}"""));

        response.Allowed.Should().BeFalse();
        response.Status!.Code.Should().Be(403);
        response.Status.Message.Should().StartWith("spec.dnsNames[0]: Invalid value: \"a..b\" has an empty label").And.Contain("remove the extra dot");
    }

    [Fact]
    public async Task Several_errors_are_listed_like_apimachinery_aggregates_them()
    {
        var response = await ValidateAsync(Review("certificates", "CREATE", """{"spec":{"secretName":"s","issuerRef":{}}}"""));

        response.Status!.Message.Should().StartWith("[spec.issuerRef.name: Required value: must be specified").And.EndWith("]");
    }

    [Fact]
    public async Task An_issuer_with_the_deprecated_EAB_key_algorithm_is_admitted_with_cert_managers_warning()
    {
        var response = await ValidateAsync(Review("issuers", "CREATE", """
            {"spec":{"acme":{"server":"https://acme.example/dir","privateKeySecretRef":{"name":"k"},"solvers":[{"http01":{"ingress":{}}}],
             "externalAccountBinding":{"keyID":"id","keySecretRef":{"name":"eab","key":"k"},"keyAlgorithm":"HS256"}}}}
            """));

        response.Allowed.Should().BeTrue(response.Status?.Message);
        response.Warnings.Should().Equal("ACME issuer spec field 'externalAccount.keyAlgorithm' is deprecated. The value of this field will be ignored.");
    }

    [Fact]
    public async Task A_request_spec_change_is_refused_with_cert_managers_message()
    {
        var before = Request("ca");
        var after = Request("other");

        var response = await ValidateAsync(Review("certificaterequests", "UPDATE", after, before));

        response.Status!.Message.Should().Be("spec: Forbidden: cannot change spec after creation");
    }

    [Fact]
    public async Task Approving_asks_for_both_signer_names_of_a_namespaced_issuer()
    {
        _signers.Allowed.Add("issuers.cert-manager.io/team.ca");

        var response = await ValidateAsync(Approve(Request("ca")));

        response.Allowed.Should().BeTrue(response.Status?.Message);
        _signers.Asked.Should().Equal("alice: issuers.cert-manager.io/*, issuers.cert-manager.io/team.ca");
    }

    [Fact]
    public async Task A_cluster_issuer_signer_has_no_namespace_and_a_user_without_it_is_refused()
    {
        var response = await ValidateAsync(Approve(Request("root", kind: "ClusterIssuer")));

        response.Status!.Message.Should().Be("status.conditions: Forbidden: user \"alice\" does not have permissions to set approved/denied conditions for issuer {root ClusterIssuer }");
        _signers.Asked.Should().Equal("alice: clusterissuers.cert-manager.io/*, clusterissuers.cert-manager.io/root");
    }

    [Fact]
    public async Task An_unknown_issuer_kind_cannot_be_approved()
    {
        var response = await ValidateAsync(Approve(Request("x", kind: "Nope", group: "example.com")));

        response.Status!.Message.Should().Be("spec.issuerRef: Forbidden: referenced signer resource does not exist: {x Nope example.com}");
    }

    [Fact]
    public async Task Approval_set_outside_the_status_subresource_is_not_a_signer_question()
    {
        var before = Request("ca");
        var after = Approve(before).Object!;

        var response = await ValidateAsync(Review("certificaterequests", "UPDATE", after.ToJsonString(), before));

        response.Allowed.Should().BeTrue(response.Status?.Message);
        _signers.Asked.Should().BeEmpty();
    }

    [Fact]
    public void Mutation_patches_only_certificaterequest_creation()
    {
        var create = AdmissionHandler.Mutate(Review("certificaterequests", "CREATE", """{"spec":{}}"""));
        var update = AdmissionHandler.Mutate(Review("certificaterequests", "UPDATE", """{"spec":{}}""", """{"spec":{}}"""));
        var certificate = AdmissionHandler.Mutate(Review("certificates", "CREATE", """{"spec":{}}"""));

        create.PatchType.Should().Be("JSONPatch");
        Encoding.UTF8.GetString(create.Patch!).Should().Contain("\"/spec/username\",\"value\":\"alice\"");
        new[] { update, certificate }.Should().AllSatisfy(r => r.Patch.Should().BeNull());
    }

    [Fact]
    public void A_review_round_trips_through_the_source_generated_context()
    {
        var json = """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"1","resource":{"group":"cert-manager.io","version":"v1","resource":"certificaterequests"},"operation":"CREATE","userInfo":{"username":"a","extra":{"k":["v"]}},"object":{"spec":{}}}}""";

        var review = JsonSerializer.Deserialize(json, WebhookJsonContext.Default.AdmissionReview)!;
        var answer = JsonSerializer.Serialize(new AdmissionReview { Response = AdmissionHandler.Mutate(review.Request!) }, WebhookJsonContext.Default.AdmissionReview);

        review.Request!.UserInfo.Extra!["k"].Should().Equal("v");
        answer.Should().Contain("\"uid\":\"1\"").And.Contain("\"allowed\":true").And.Contain("\"patchType\":\"JSONPatch\"").And.Contain("\"patch\":\"W3");
    }

    private Task<AdmissionResponse> ValidateAsync(AdmissionRequest request) =>
        new AdmissionHandler(_signers, NullLogger<AdmissionHandler>.Instance).ValidateAsync(request, CancellationToken.None);

    private static string Request(string issuer, string kind = "Issuer", string group = "") => $$$"""
        {"metadata":{"name":"r","namespace":"team"},"spec":{"issuerRef":{"name":"{{{issuer}}}","kind":"{{{kind}}}","group":"{{{group}}}"},
         "request":"{{{WebhookCluster.Csr("a.example.com")}}}","username":"alice","uid":"","groups":[]}}
        """;

    private static AdmissionRequest Approve(string before)
    {
        var after = JsonNode.Parse(before)!;
        after["status"] = JsonNode.Parse("""{"conditions":[{"type":"Approved","status":"True","reason":"r","message":"m"}]}""");
        var review = Review("certificaterequests", "UPDATE", after.ToJsonString(), before);
        review.SubResource = "status";
        return review;
    }

    private static AdmissionRequest Review(string resource, string operation, string obj, string? old = null) => new()
    {
        Uid = "uid-1",
        Resource = new GroupVersionResource { Group = "cert-manager.io", Version = "v1", Resource = resource },
        Namespace = "team",
        Operation = operation,
        UserInfo = new AdmissionUserInfo { Username = "alice" },
        Object = JsonNode.Parse(obj),
        OldObject = old is null ? null : JsonNode.Parse(old),
    };

    private sealed class FakeSigners : ISignerAuthorizer
    {
        public HashSet<string> Allowed { get; } = [];

        public List<string> Asked { get; } = [];

        public Task<SignerResource?> ResolveAsync(string group, string kind, CancellationToken ct) => Task.FromResult<SignerResource?>((group, kind) switch
        {
            ("cert-manager.io", "Issuer") => new SignerResource(group, "issuers", true),
            ("cert-manager.io", "ClusterIssuer") => new SignerResource(group, "clusterissuers", false),
            _ => null,
        });

        public Task<bool> MayApproveAsync(AdmissionUserInfo user, IReadOnlyList<string> signerNames, CancellationToken ct)
        {
            Asked.Add($"{user.Username}: {string.Join(", ", signerNames)}");
            return Task.FromResult(signerNames.Any(Allowed.Contains));
        }
    }
}
