namespace CertOperator.Testing.GatewayApi;

/// <summary>Where the Gateway API v1.6.1 standard-channel CRDs the tests install are kept (see README.md beside it).</summary>
public static class GatewayApiCrds
{
    public static string Directory => RepoPaths.Combine("tests", "CertOperator.Testing", "GatewayApi", "crds");
}
