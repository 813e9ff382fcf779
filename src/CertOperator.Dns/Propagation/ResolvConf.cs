namespace CertOperator.Dns.Propagation;

/// <summary>The "nameserver" lines of resolv.conf, which is where cert-manager finds recursive nameservers by default.</summary>
internal static class ResolvConf
{
    public const string DefaultPath = "/etc/resolv.conf";

    public static IReadOnlyList<string> ReadNameservers(string path = DefaultPath)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        return File.ReadLines(path)
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 2 && fields[0] == "nameserver")
            .Select(fields => fields[1].Contains(':', StringComparison.Ordinal) ? $"[{fields[1]}]" : fields[1])
            .ToList();
    }
}
