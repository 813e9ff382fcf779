namespace CertOperator.Testing;

/// <summary>A one-cluster, one-user kubeconfig for credential tests: the user body (token, exec, client certificate) is what varies.</summary>
public static class KubeconfigYaml
{
    /// <param name="userBody">Lines under `user:`, indented by eight spaces.</param>
    /// <param name="clusterExtra">More lines under `cluster:` (e.g. tls-server-name), indented by four spaces.</param>
    public static string For(string server, string caPem, string userBody, string clusterExtra = "") => $"""
        apiVersion: v1
        kind: Config
        current-context: test
        clusters:
        - name: test
          cluster:
            server: {server}
            certificate-authority-data: {Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(caPem))}
        {clusterExtra}
        users:
        - name: test
          user:
        {userBody}
        contexts:
        - name: test
          context:
            cluster: test
            user: test
        """;
}
