using CertOperator.Testing.GatewayApi;

namespace CertOperator.Tests.EndToEnd;

/// <summary>The test API server with the Gateway API CRDs installed and the operator run with --enable-gateway-api.</summary>
public sealed class GatewayApiEnvironment : OperatorEnvironment
{
    public GatewayApiEnvironment()
    {
        ExtraOperatorArgs = ["--enable-gateway-api"];
        PreinstalledCrds = [GatewayApiCrds.Directory];
    }
}

/// <summary>A real kube-apiserver 1.24 with the Gateway API CRDs installed and the operator run with --enable-gateway-api.</summary>
public sealed class RealGatewayApiEnvironment : RealOperatorEnvironment
{
    public RealGatewayApiEnvironment()
    {
        ExtraOperatorArgs = ["--enable-gateway-api"];
        PreinstalledCrds = [GatewayApiCrds.Directory];
    }
}
