using System.Text;

namespace CertOperator.TestApiServer.Hosting;

/// <summary>Writes a kubeconfig with one cluster (CA data), one token user and a current context.</summary>
internal static class Kubeconfig
{
    public static string Render(Uri server, string caPem, string token)
    {
        var caData = Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem));
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: certoperator-test
              cluster:
                server: {server.GetLeftPart(UriPartial.Authority)}
                certificate-authority-data: {caData}
            users:
            - name: certoperator-test
              user:
                token: {token}
            contexts:
            - name: certoperator-test
              context:
                cluster: certoperator-test
                user: certoperator-test
                namespace: default
            current-context: certoperator-test

            """;
    }

    public static void Write(string path, Uri server, string caPem, string token)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temp = path + ".tmp";
        File.WriteAllText(temp, Render(server, caPem, token));
        File.Move(temp, path, overwrite: true);
    }
}
