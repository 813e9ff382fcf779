using System.Globalization;

namespace CertOperator.Bench.Scale;

/// <summary>The command line: `--server test|real --secrets N --certificates M --key ecdsa|rsa [-- operator flags]`.</summary>
internal sealed record BenchOptions(string Server, int Secrets, int Certificates, string Key, int Idle, IReadOnlyList<string> OperatorFlags)
{
    public bool Rsa => Key == "rsa";

    public static BenchOptions Parse(string[] args)
    {
        var own = args.TakeWhile(a => a != "--").ToArray();
        var server = Text(own, "--server", "test");
        var key = Text(own, "--key", "ecdsa");
        if (server is not ("test" or "real") || key is not ("ecdsa" or "rsa"))
        {
            throw new ArgumentException("usage: --server test|real --secrets N --certificates M --key ecdsa|rsa --idle SECONDS [-- operator flags]");
        }

        return new BenchOptions(server, Number(own, "--secrets", 10_000), Number(own, "--certificates", 1_000), key, Number(own, "--idle", 30),
            [.. args.SkipWhile(a => a != "--").Skip(1)]);
    }

    private static string Text(string[] args, string name, string fallback) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;

    private static int Number(string[] args, string name, int fallback) =>
        int.Parse(Text(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
