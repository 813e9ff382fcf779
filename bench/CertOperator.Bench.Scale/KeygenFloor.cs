using System.Diagnostics;
using System.Security.Cryptography;

namespace CertOperator.Bench.Scale;

/// <summary>How fast this machine makes RSA-2048 keys on all its cores: no issuer can sign faster than keys exist.</summary>
internal static class KeygenFloor
{
    public static double RsaKeysPerSecond(TimeSpan budget)
    {
        var made = 0;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, Environment.ProcessorCount, core =>
        {
            while (clock.Elapsed < budget)
            {
                using var key = RSA.Create(2048);
                _ = key.ExportParameters(includePrivateParameters: false);
                Interlocked.Increment(ref made);
            }
        });
        return made / clock.Elapsed.TotalSeconds;
    }
}
