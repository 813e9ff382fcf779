namespace CertOperator.Tests.EndToEnd;

/// <summary>The pipeline on our in-memory test API server.</summary>
public sealed class TestApiServerCertificatePipelineTests(OperatorEnvironment env) : CertificatePipelineTests<OperatorEnvironment>(env);
