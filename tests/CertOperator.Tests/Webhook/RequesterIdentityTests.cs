using System.Text;
using System.Text.Json.Nodes;
using CertOperator.Webhook.Admission;
using CertOperator.Webhook.Wire;

namespace CertOperator.Tests.Webhook;

/// <summary>The requester recorded on CertificateRequest CREATE: the patch, and the checks that keep it honest.</summary>
public sealed class RequesterIdentityTests
{
    private static readonly AdmissionUserInfo Alice = new()
    {
        Username = "alice",
        Uid = "u-1",
        Groups = ["team-a", "system:authenticated"],
        Extra = new() { ["scopes"] = ["read"] },
    };

    public static TheoryData<string, string, string, string> Patches => new()
    {
        {
            "fields the user wrote are overwritten",
            """{"spec":{"request":"x","username":"mallory","uid":"u-9","groups":["system:masters"],"extra":{"k":["v"]}}}""", "alice",
            """{"spec":{"request":"x","username":"alice","uid":"u-1","groups":["team-a","system:authenticated"],"extra":{"scopes":["read"]}}}"""
        },
        {
            "extra the requester lacks is removed",
            """{"spec":{"request":"x","extra":{"k":["v"]}}}""", "bob",
            """{"spec":{"request":"x","username":"bob","uid":"","groups":[]}}"""
        },
        {
            "a request without spec gets one",
            """{"metadata":{"name":"r"}}""", "bob in g",
            """{"metadata":{"name":"r"},"spec":{"username":"bob","uid":"","groups":["g"]}}"""
        },
    };

    [Theory]
    [MemberData(nameof(Patches))]
    public void The_patch_records_the_requester(string name, string request, string requester, string expected)
    {
        var user = requester switch
        {
            "alice" => Alice,
            "bob" => new AdmissionUserInfo { Username = "bob" },
            _ => new AdmissionUserInfo { Username = "bob", Groups = ["g"] },
        };
        var patched = Apply(JsonNode.Parse(request)!, RequesterIdentity.Patch(JsonNode.Parse(request), user));

        JsonNode.DeepEquals(patched, JsonNode.Parse(expected)).Should().BeTrue($"{name}: got {patched.ToJsonString()}");
    }

    [Fact]
    public void The_patch_is_serialised_as_an_RFC_6902_array()
    {
        var bytes = RequesterIdentity.Serialize(RequesterIdentity.Patch(JsonNode.Parse("""{"spec":{}}"""), new AdmissionUserInfo { Username = "bob" }));

        Encoding.UTF8.GetString(bytes).Should().Be("""[{"op":"add","path":"/spec/username","value":"bob"},{"op":"add","path":"/spec/uid","value":""},{"op":"add","path":"/spec/groups","value":[]}]""");
    }

    public static TheoryData<string, string, string[]> Creates => new()
    {
        { "as patched", """{"spec":{"username":"alice","uid":"u-1","groups":["system:authenticated","team-a"],"extra":{"scopes":["read"]}}}""", [] },
        {
            "not patched", """{"spec":{}}""",
            ["spec.uid: Forbidden: uid identity must be that of the requester", "spec.username: Forbidden: username identity must be that of the requester",
             "spec.groups: Forbidden: groups identity must be that of the requester", "spec.extra: Forbidden: extra identity must be that of the requester"]
        },
        {
            "someone else's name", """{"spec":{"username":"mallory","uid":"u-1","groups":["team-a","system:authenticated"],"extra":{"scopes":["read"]}}}""",
            ["spec.username: Forbidden: username identity must be that of the requester"]
        },
    };

    [Theory]
    [MemberData(nameof(Creates))]
    public void On_create_the_identity_must_be_the_requesters(string name, string request, string[] expected)
    {
        RequesterIdentity.ValidateCreate(JsonNode.Parse(request), Alice).Select(e => e.ToString()).Should().Equal(expected, name);
    }

    public static TheoryData<string, string, string[]> Updates => new()
    {
        { "unchanged, groups reordered", """{"spec":{"username":"alice","uid":"u-1","groups":["b","a"]}}""", [] },
        { "empty extra is no extra", """{"spec":{"username":"alice","uid":"u-1","groups":["a","b"],"extra":{}}}""", [] },
        {
            "renamed and regrouped", """{"spec":{"username":"bob","uid":"u-1","groups":["a"]}}""",
            ["spec.username: Forbidden: username identity cannot be changed once set", "spec.groups: Forbidden: groups identity cannot be changed once set"]
        },
        { "extra added", """{"spec":{"username":"alice","uid":"u-1","groups":["a","b"],"extra":{"k":["v"]}}}""", ["spec.extra: Forbidden: extra identity cannot be changed once set"] },
    };

    [Theory]
    [MemberData(nameof(Updates))]
    public void On_update_the_identity_never_changes(string name, string after, string[] expected)
    {
        var before = JsonNode.Parse("""{"spec":{"username":"alice","uid":"u-1","groups":["a","b"]}}""");

        RequesterIdentity.ValidateUpdate(before, JsonNode.Parse(after)).Select(e => e.ToString()).Should().Equal(expected, name);
    }

    /// <summary>Just enough RFC 6902 for these patches: add (object members) and remove.</summary>
    private static JsonNode Apply(JsonNode document, IEnumerable<CertOperator.Kubernetes.Client.JsonPatchOperation> operations)
    {
        foreach (var operation in operations)
        {
            var parts = operation.Path.TrimStart('/').Split('/');
            var parent = parts[..^1].Aggregate(document, (node, key) => node[key]!).AsObject();
            if (operation.Op == "remove")
            {
                parent.Remove(parts[^1]);
            }
            else
            {
                parent[parts[^1]] = operation.Value!.DeepClone();
            }
        }

        return document;
    }
}
