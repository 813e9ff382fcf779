using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertOperator.Crds.Certificates;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// cert-manager's `usages` strings mapped to X.509 key usage bits and extended key usage OIDs
/// (pkg/api/util/usages.go), and back to the canonical names for reporting.
/// </summary>
internal static class Usages
{
    /// <summary>cert-manager's default when `usages` is empty, whatever the key algorithm.</summary>
    public static readonly IReadOnlyList<string> Default = [KeyUsages.DigitalSignature, KeyUsages.KeyEncipherment];

    private static readonly (string Name, X509KeyUsageFlags Flag)[] KeyUsageNames =
    [
        (KeyUsages.DigitalSignature, X509KeyUsageFlags.DigitalSignature),
        (KeyUsages.Signing, X509KeyUsageFlags.DigitalSignature),
        (KeyUsages.ContentCommitment, X509KeyUsageFlags.NonRepudiation),
        (KeyUsages.KeyEncipherment, X509KeyUsageFlags.KeyEncipherment),
        (KeyUsages.KeyAgreement, X509KeyUsageFlags.KeyAgreement),
        (KeyUsages.DataEncipherment, X509KeyUsageFlags.DataEncipherment),
        (KeyUsages.CertSign, X509KeyUsageFlags.KeyCertSign),
        (KeyUsages.CrlSign, X509KeyUsageFlags.CrlSign),
        (KeyUsages.EncipherOnly, X509KeyUsageFlags.EncipherOnly),
        (KeyUsages.DecipherOnly, X509KeyUsageFlags.DecipherOnly),
    ];

    private static readonly (string Name, string Oid)[] ExtendedUsageNames =
    [
        (KeyUsages.Any, "2.5.29.37.0"),
        (KeyUsages.ServerAuth, "1.3.6.1.5.5.7.3.1"),
        (KeyUsages.ClientAuth, "1.3.6.1.5.5.7.3.2"),
        (KeyUsages.CodeSigning, "1.3.6.1.5.5.7.3.3"),
        (KeyUsages.EmailProtection, "1.3.6.1.5.5.7.3.4"),
        (KeyUsages.SMime, "1.3.6.1.5.5.7.3.4"),
        (KeyUsages.IpsecEndSystem, "1.3.6.1.5.5.7.3.5"),
        (KeyUsages.IpsecTunnel, "1.3.6.1.5.5.7.3.6"),
        (KeyUsages.IpsecUser, "1.3.6.1.5.5.7.3.7"),
        (KeyUsages.Timestamping, "1.3.6.1.5.5.7.3.8"),
        (KeyUsages.OcspSigning, "1.3.6.1.5.5.7.3.9"),
        (KeyUsages.MicrosoftSgc, "1.3.6.1.4.1.311.10.3.3"),
        (KeyUsages.NetscapeSgc, "2.16.840.1.113730.4.1"),
    ];

    /// <summary>Key usage bits and EKU OIDs for <paramref name="usages"/> (default when empty); `isCA` adds `cert sign`.</summary>
    public static PkiResult<UsageSet> Resolve(IReadOnlyList<string>? usages, bool isCA)
    {
        var flags = isCA ? X509KeyUsageFlags.KeyCertSign : X509KeyUsageFlags.None;
        var extended = new List<string>();
        var requested = usages is { Count: > 0 } ? usages : Default;
        for (var i = 0; i < requested.Count; i++)
        {
            var name = requested[i];
            if (Array.FindIndex(KeyUsageNames, u => u.Name == name) is var k and >= 0)
            {
                flags |= KeyUsageNames[k].Flag;
            }
            else if (Array.FindIndex(ExtendedUsageNames, u => u.Name == name) is var e and >= 0)
            {
                extended.Add(ExtendedUsageNames[e].Oid);
            }
            else
            {
                return new PkiError(PkiError.InvalidSpec,
                    $"spec.usages[{i}]: \"{name}\" is not a key usage; accepted values: {string.Join(", ", AllNames)}",
                    $"spec.usages[{i}]", AllNames);
            }
        }

        return new UsageSet(flags, [.. extended.Distinct()]);
    }

    private static string[] AllNames => [.. KeyUsageNames.Select(u => u.Name), .. ExtendedUsageNames.Select(u => u.Name)];

    /// <summary>Canonical cert-manager names of the usages in a certificate's or CSR's extensions, key usages first.</summary>
    public static IReadOnlyList<string> Describe(X509KeyUsageFlags flags, IEnumerable<string> extendedOids)
    {
        var names = new List<string>();
        var seen = new HashSet<X509KeyUsageFlags>();
        foreach (var (name, flag) in KeyUsageNames)
        {
            // "signing" is an alias of "digital signature", which comes first in the table.
            if (flags.HasFlag(flag) && seen.Add(flag))
            {
                names.Add(name);
            }
        }

        foreach (var oid in extendedOids)
        {
            names.Add(Array.Find(ExtendedUsageNames, u => u.Oid == oid).Name ?? oid);
        }

        return names;
    }

    /// <summary>The extensions a CSR or certificate carries for <paramref name="set"/>: key usage (critical) and EKU when any.</summary>
    public static IEnumerable<X509Extension> Extensions(UsageSet set)
    {
        if (set.Flags != X509KeyUsageFlags.None)
        {
            yield return new X509KeyUsageExtension(set.Flags, critical: true);
        }

        if (set.ExtendedOids.Count > 0)
        {
            var oids = new OidCollection();
            foreach (var oid in set.ExtendedOids)
            {
                oids.Add(new Oid(oid));
            }

            yield return new X509EnhancedKeyUsageExtension(oids, critical: false);
        }
    }
}

/// <summary>Key usage bits plus extended key usage OIDs, in request order.</summary>
internal sealed record UsageSet(X509KeyUsageFlags Flags, IReadOnlyList<string> ExtendedOids);
