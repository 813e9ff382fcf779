namespace CertOperator.Tests.EndToEnd;

/// <summary>Gateway API manifests for the gateway-shim and gatewayHTTPRoute end-to-end tests.</summary>
internal static class GatewayManifests
{
    /// <summary>A Gateway with a plain HTTP listener and one HTTPS listener per (hostname, Secret); a null hostname is left out.</summary>
    public static string Gateway(string name, string ns, string annotation, params (string? Hostname, string Secret)[] https)
    {
        List<string> lines =
        [
            "apiVersion: gateway.networking.k8s.io/v1", "kind: Gateway", "metadata:", $"  name: {name}", $"  namespace: {ns}", "  annotations:", $"    {annotation}",
            "spec:", "  gatewayClassName: test", "  listeners:", "  - name: http", "    port: 80", "    protocol: HTTP",
        ];
        foreach (var (listener, index) in https.Select((l, i) => (l, i)))
        {
            lines.AddRange([$"  - name: https-{index}", "    port: 443", "    protocol: HTTPS"]);
            if (listener.Hostname is { } hostname)
            {
                lines.Add($"    hostname: {hostname}");
            }

            lines.AddRange(["    tls:", "      mode: Terminate", "      certificateRefs:", $"      - name: {listener.Secret}"]);
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>A namespaced ACME Issuer whose only solver is HTTP-01 through HTTPRoutes (the Gateway comes from the Certificate).</summary>
    public static string AcmeIssuer(string name, string ns, string server, string caBundle) => $"""
        apiVersion: cert-manager.io/v1
        kind: Issuer
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          acme:
            server: {server}
            email: ops@example.test
            caBundle: {caBundle}
            privateKeySecretRef:
              name: {name}-account-key
            solvers:
            - http01:
                gatewayHTTPRoute:
                  serviceType: ClusterIP
                  labels:
                    solver: gateway
        """;
}
