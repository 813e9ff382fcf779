namespace CertOperator.Tests.EndToEnd;

/// <summary>The CA injector on our in-memory test API server.</summary>
public sealed class TestApiServerCaInjectorTests(OperatorEnvironment env) : CaInjectorTests<OperatorEnvironment>(env);
