using CertOperator.GatewayShim;
using CertOperator.IngressShim;
using CertOperator.Kubernetes.Model;
using static CertOperator.Tests.GatewayShim.GatewayGen;

namespace CertOperator.Tests.GatewayShim;

/// <summary>
/// The smaller tables of cert-manager v1.21.1 sync_test.go, Gateway rows: Test_validateGatewayListenerBlock (7),
/// TestIsTLSProtocol (6), Test_isGatewayAPIListenerIgnoredThroughAnnotation (8), Test_findCertificatesToBeRemoved
/// (its 3 Gateway rows), Test_secretNameUsedIn_nilPointerGateway (2) and Test_isDeletedInForeground for Gateways (8).
/// </summary>
public sealed class CertManagerGatewayHelperTests
{
    private static SecretObjectReference Ref(string name, string? group = null, string? kind = null, string? ns = null) =>
        new() { Name = name, Group = group, Kind = kind, Namespace = ns };

    private static GatewayListener With(SecretObjectReference reference, string? hostname = "example.com", bool tls = true) => new()
    {
        Hostname = hostname,
        Port = 443,
        Protocol = "HTTPS",
        Tls = tls ? new GatewayTlsConfig { Mode = GatewayListeners.Terminate, CertificateRefs = [reference] } : null,
    };

    public static TheoryData<string, GatewayListener, string, string?> ListenerBlocks => new()
    {
        { "empty TLS block", With(Ref("x"), tls: false), Ns, "spec.listeners[0].tls: Required value: the TLS block cannot be empty" },
        { "empty hostname", With(Ref("example-com", "core", "Secret"), hostname: ""), Ns, "spec.listeners[0].hostname: Required value: the hostname cannot be empty" },
        { "empty group", With(Ref("example-com", "", "Secret")), Ns, null },
        { "unsupported group", With(Ref("example-com-tls", "invalid", "Secret")), Ns, "spec.listeners[0].tls.certificateRef[0].group: Unsupported value: \"invalid\": supported values: \"core\", \"\"" },
        { "unsupported kind", With(Ref("example-com", "core", "SomeOtherKind")), Ns, "spec.listeners[0].tls.certificateRef[0].kind: Unsupported value: \"SomeOtherKind\": supported values: \"Secret\", \"\"" },
        {
            "cross-namespace secret ref", With(Ref("example-com", "core", "Secret", "another-namespace")), Ns,
            "spec.listeners[0].tls.certificateRef[0].namespace: Invalid value: \"another-namespace\": cross-namespace secret references are not allowed in listeners"
        },
        { "same namespace secret ref", With(Ref("example-com", "core", "Secret", "another-namespace")), "another-namespace", null },
    };

    [Theory]
    [MemberData(nameof(ListenerBlocks))]
    public void Test_validateGatewayListenerBlock(string row, GatewayListener listener, string gatewayNamespace, string? error)
    {
        var problems = GatewayListeners.Problems(listener, 0, gatewayNamespace);

        if (error is null)
        {
            problems.Should().BeEmpty(row);
        }
        else
        {
            problems.Should().ContainSingle(row).Which.Should().StartWith(error);
        }
    }

    public static TheoryData<string, string, string[], bool> Protocols => new()
    {
        { "built-in HTTPS returns true", "HTTPS", [], true },
        { "built-in TLS returns true", "TLS", [], true },
        { "unknown protocol with empty extra set returns false", "CUSTOM-PROTOCOL", [], false },
        { "custom protocol present in extra set returns true", "CUSTOM-PROTOCOL", ["CUSTOM-PROTOCOL"], true },
        { "custom protocol absent from extra set returns false", "CUSTOM-PROTOCOL", ["OTHER-PROTOCOL"], false },
        { "duplicate built-in HTTPS in extra set returns true without error", "HTTPS", ["HTTPS"], true },
    };

    [Theory]
    [MemberData(nameof(Protocols))]
    public void TestIsTLSProtocol(string row, string protocol, string[] extra, bool expected)
    {
        GatewayListeners.IsTlsProtocol(protocol, extra).Should().Be(expected, row);
    }

    public static TheoryData<string, Dictionary<string, string>?, bool> IgnoredListeners => new()
    {
        { "no annotations returns false", null, false },
        { "annotation not present returns false", new() { ["other-annotation"] = "value" }, false },
        { "single listener match returns true", new() { [IngressAnnotations.IgnoreTlsListeners] = "https" }, true },
        { "single listener no match returns false", new() { [IngressAnnotations.IgnoreTlsListeners] = "other" }, false },
        { "comma-separated list with match returns true", new() { [IngressAnnotations.IgnoreTlsListeners] = "foo,https,bar" }, true },
        { "comma-separated list without match returns false", new() { [IngressAnnotations.IgnoreTlsListeners] = "foo,bar,baz" }, false },
        { "empty annotation value returns false", new() { [IngressAnnotations.IgnoreTlsListeners] = "" }, false },
        { "exact match is required", new() { [IngressAnnotations.IgnoreTlsListeners] = "https-extra" }, false },
    };

    [Theory]
    [MemberData(nameof(IgnoredListeners))]
    public void Test_isGatewayAPIListenerIgnoredThroughAnnotation(string row, Dictionary<string, string>? annotations, bool expected)
    {
        GatewayListeners.IsIgnored(annotations, "https").Should().Be(expected, row);
    }

    public static TheoryData<string, string, string, string[]> Removals => new()
    {
        { "should not remove Certificate when not owned by the Gateway", "gw-2", "secret-name", [] },
        { "should remove Certificate when Gateway does not reference the secretName of the Certificate in one of its listers", "gw-1", "not-secret-name", ["cert-1"] },
        { "should not remove Certificate when the Gateway references the secretName of the Certificate in one of its listers", "gw-1", "secret-name", [] },
    };

    [Theory]
    [MemberData(nameof(Removals))]
    public void Test_findCertificatesToBeRemoved(string row, string gatewayName, string listenerSecret, string[] removed)
    {
        var certificate = Cert("cert-1", owner: "gw-1");
        certificate.Spec.SecretName = "secret-name";
        var gateway = Gateway(null, [new GatewayListener { Tls = new GatewayTlsConfig { CertificateRefs = [Ref(listenerSecret)] } }], name: gatewayName);

        var stale = IngressCertificateSync.Stale(IngressLike.ControllerOf(gateway.Metadata, Kubernetes.Model.Gateway.Resource), GatewayListeners.SecretNames(gateway), [certificate]);

        stale.Select(c => c.Metadata.Name).Should().Equal(removed, row);
    }

    [Fact]
    public void Test_secretNameUsedIn_nilPointerGateway()
    {
        GatewayListener[] empty = [new() { Tls = null }, new() { Tls = new GatewayTlsConfig { CertificateRefs = null } }];

        GatewayListeners.SecretNames(Gateway(null, [.. empty, new() { Tls = new GatewayTlsConfig { CertificateRefs = [Ref("secret-name")] } }])).Should().Contain("secret-name");
        GatewayListeners.SecretNames(Gateway(null, empty)).Should().NotContain("secret-name");
    }

    public static TheoryData<bool, string[]?, bool> InDeletion => new()
    {
        { false, null, false },
        { false, [], false },
        { false, ["cert-lock"], false },
        { true, ["cert-lock"], true },
        { true, null, true },
        { true, [], true },
        { false, ["foregroundDeletion"], true },
        { true, ["cert-lock", "foregroundDeletion"], true },
    };

    [Theory]
    [MemberData(nameof(InDeletion))]
    public void Test_isDeletedInForeground_gateway(bool deleting, string[]? finalizers, bool skip)
    {
        var gateway = Gateway(null, name: "test-gw");
        gateway.Metadata.DeletionTimestamp = deleting ? DateTime.UnixEpoch : null;
        gateway.Metadata.Finalizers = finalizers?.ToList();

        IngressIssuer.IsBeingDeleted(gateway.Metadata).Should().Be(skip);
    }
}
