using Xunit.Abstractions;

namespace CertOperator.Tests.EndToEnd.Hostile;

/// <summary>The hostile corpus on our in-memory test API server.</summary>
public sealed class TestApiServerHostileInputTests(OperatorEnvironment env, ITestOutputHelper output)
    : HostileInputTests<OperatorEnvironment>(env, output);

/// <summary>The hostile corpus on a real kube-apiserver 1.24, the operator running as the certoperator ServiceAccount.</summary>
public sealed class KubeApiServerHostileInputTests(RealOperatorEnvironment env, ITestOutputHelper output)
    : HostileInputTests<RealOperatorEnvironment>(env, output);
