using System.Security.Cryptography;
using System.Text;

namespace CertOperator.Testing.Bind;

/// <summary>Writes named.conf and the zone file into a run directory (writable, so named can keep its update journal).</summary>
internal static class BindConfig
{
    public const string PrimaryKeyName = "acme-key";

    public static IReadOnlyList<BindKey> CreateKeys(BindOptions options) =>
        options.KeyAlgorithms
            .Select((algorithm, index) => new BindKey(
                index == 0 ? PrimaryKeyName : $"{PrimaryKeyName}-{algorithm}",
                algorithm,
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))))
            .ToList();

    public static string Write(string directory, int port, BindOptions options, IReadOnlyList<BindKey> keys)
    {
        var zoneFile = Path.Combine(directory, options.Zone + ".zone");
        File.WriteAllText(zoneFile, Zone(options));
        var conf = new StringBuilder()
            .AppendLine("options {")
            .AppendLine($"  directory \"{directory}\";")
            .AppendLine($"  listen-on port {port} {{ 127.0.0.1; }};")
            .AppendLine("  listen-on-v6 { none; };")
            .AppendLine($"  pid-file \"{Path.Combine(directory, "named.pid")}\";")
            .AppendLine($"  session-keyfile \"{Path.Combine(directory, "session.key")}\";")
            .AppendLine("  recursion no;")
            .AppendLine("  dnssec-validation no;")
            .AppendLine("  notify no;")
            .AppendLine("};")
            // No rndc channel: several test servers would fight over port 953.
            .AppendLine("controls { };");
        foreach (var key in keys)
        {
            conf.AppendLine($"key \"{key.Name}\" {{ algorithm {key.Algorithm}; secret \"{key.Secret}\"; }};");
        }

        var allowUpdate = string.Concat(keys.Select(k => $"key \"{k.Name}\"; "));
        conf.AppendLine($"zone \"{options.Zone}\" {{ type primary; file \"{zoneFile}\"; allow-update {{ {allowUpdate}}}; }};");
        var confPath = Path.Combine(directory, "named.conf");
        File.WriteAllText(confPath, conf.ToString());
        return confPath;
    }

    private static string Zone(BindOptions options)
    {
        var zone = new StringBuilder()
            .AppendLine($"$ORIGIN {options.Zone}.")
            .AppendLine("$TTL 60")
            .AppendLine("@ IN SOA ns1 hostmaster 1 3600 600 86400 60")
            .AppendLine("@ IN NS ns1")
            .AppendLine("ns1 IN A 127.0.0.1");
        if (options.WildcardAddress is { } address)
        {
            zone.AppendLine($"* IN A {address}");
        }

        foreach (var line in options.ExtraRecords)
        {
            zone.AppendLine(line);
        }

        return zone.ToString();
    }
}
