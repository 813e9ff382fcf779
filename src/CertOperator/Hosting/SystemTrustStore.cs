using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Hosting;

/// <summary>
/// Loads the system's trusted roots on a thread-pool thread as the operator starts. .NET loads them on the first TLS
/// handshake even when only the kubeconfig's CA is trusted (to look for intermediates), and that held every first list
/// of the API server for about 100 ms; begun at process start, the load overlaps the host's own start instead
/// (docs/benchmarks.md, cold start). ACME servers are checked against the same roots later.
/// </summary>
internal static class SystemTrustStore
{
    public static void LoadInBackground() => _ = Task.Run(Load);

    private static void Load()
    {
        try
        {
            using var store = new X509Store(StoreName.Root, StoreLocation.LocalMachine);
            store.Open(OpenFlags.ReadOnly);
            foreach (var certificate in store.Certificates)
            {
                certificate.Dispose();
            }
        }
        catch (CryptographicException)
        {
            // Only a head start: the first handshake loads the store again and reports what is wrong with it.
        }
    }
}
