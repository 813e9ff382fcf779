namespace CertOperator.Tests.EndToEnd;

/// <summary>Secret ownership on our in-memory test API server.</summary>
public sealed class TestApiServerSecretOwnershipTests(OperatorEnvironment env) : SecretOwnershipTests<OperatorEnvironment>(env);
