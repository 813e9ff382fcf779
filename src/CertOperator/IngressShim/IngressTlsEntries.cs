using CertOperator.Kubernetes.Model;
using CertOperator.Validation;
using k8s.Models;

namespace CertOperator.IngressShim;

/// <summary>
/// Reads `spec.tls` as cert-manager does: a secretName used by two entries stops the whole Ingress (both
/// would need the same Certificate); an entry missing hosts or secretName, or holding a name no Certificate
/// could carry, is skipped with a reason while the other entries go ahead. Hosts that are IP addresses
/// become ipAddresses.
/// </summary>
internal static class IngressTlsEntries
{
    public static IReadOnlyList<string> DuplicateSecretNames(IList<V1IngressTLS> tls)
    {
        ArgumentNullException.ThrowIfNull(tls);
        var errors = new List<string>();
        foreach (var group in tls.Select((entry, index) => (Name: entry.SecretName ?? "", Index: index)).GroupBy(e => e.Name, StringComparer.Ordinal))
        {
            var indexes = group.Select(e => e.Index).ToList();
            if (indexes.Count > 1)
            {
                errors.Add($"spec.tls[{indexes[0]}].secretName: Invalid value: \"{group.Key}\": this secret name must only appear in a single TLS entry but is also used in spec.tls[{indexes[1]}].secretName; "
                    + "list all hosts of that Secret in one TLS entry, or give each entry its own secretName");
            }
        }

        return errors;
    }

    /// <summary>The usable entries, in order, and one "Skipped a TLS block" reason per unusable entry.</summary>
    public static (IReadOnlyList<IngressTlsEntry> Entries, IReadOnlyList<string> Skipped) Read(IList<V1IngressTLS> tls)
    {
        ArgumentNullException.ThrowIfNull(tls);
        var entries = new List<IngressTlsEntry>();
        var skipped = new List<string>();
        for (var i = 0; i < tls.Count; i++)
        {
            var problems = Problems(tls[i], i);
            if (problems.Count > 0)
            {
                skipped.Add($"Skipped a TLS block: {string.Join(", ", problems)}");
                continue;
            }

            var hosts = tls[i].Hosts!;
            entries.Add(new IngressTlsEntry(tls[i].SecretName!, [.. hosts.Where(h => !AddressRules.IsIp(h))], [.. hosts.Where(AddressRules.IsIp)]));
        }

        return (entries, skipped);
    }

    private static List<string> Problems(V1IngressTLS entry, int index)
    {
        var path = $"spec.tls[{index}]";
        var problems = new List<string>();
        var hosts = entry.Hosts ?? [];
        if (hosts.Count == 0)
        {
            problems.Add($"{path}.hosts: Required value: list the host names the certificate should cover");
        }

        if (entry.SecretName is not { Length: > 0 } secretName)
        {
            problems.Add($"{path}.secretName: Required value: name the Secret that should receive the certificate (the Certificate gets the same name)");
        }
        else
        {
            problems.AddRange(KubernetesNameRules.SubdomainProblems(secretName)
                .Select(p => $"{path}.secretName: \"{secretName}\" cannot name a Secret and Certificate: {p}"));
        }

        for (var j = 0; j < hosts.Count; j++)
        {
            if (!AddressRules.IsIp(hosts[j]) && DnsNameRules.Problem(hosts[j]) is { } problem)
            {
                problems.Add($"{path}.hosts[{j}]: {problem}");
            }
        }

        return problems;
    }
}
