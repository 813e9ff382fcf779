using CertOperator.IngressShim;
using CertOperator.Kubernetes.Model;
using CertOperator.Validation;

namespace CertOperator.GatewayShim;

/// <summary>
/// Reads a Gateway's listeners as cert-manager's gateway-shim does: only HTTPS and TLS listeners (and the
/// configured extra protocols) in Terminate mode count, listeners named in `cert-manager.io/ignore-tls-listeners`
/// are left out, and each certificateRef gets the listener's hostname; listeners sharing a Secret share its
/// Certificate. An unusable listener is skipped with the field that is wrong while the others go ahead.
/// </summary>
internal static class GatewayListeners
{
    public const string Terminate = "Terminate";
    private const string Passthrough = "Passthrough";
    private static readonly string[] TlsProtocols = ["HTTPS", "TLS"];

    /// <summary>The usable entries, one per Secret in order of first use, and one "Skipped a listener block" reason per unusable listener.</summary>
    public static (IReadOnlyList<IngressTlsEntry> Entries, IReadOnlyList<string> Skipped) Read(Gateway gateway, IReadOnlyCollection<string> extraProtocols)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var hosts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        var skipped = new List<string>();
        var listeners = gateway.Spec.Listeners ?? [];
        for (var i = 0; i < listeners.Count; i++)
        {
            var listener = listeners[i];
            if (!IsTlsProtocol(listener.Protocol, extraProtocols) || listener.Tls?.Mode == Passthrough
                || IsIgnored(gateway.Metadata.Annotations.OrEmpty(), listener.Name ?? ""))
            {
                continue;
            }

            var problems = Problems(listener, i, gateway.Metadata.NamespaceProperty);
            if (problems.Count > 0)
            {
                skipped.Add($"Skipped a listener block: {string.Join(", ", problems)}");
                continue;
            }

            foreach (var reference in listener.Tls!.CertificateRefs!)
            {
                if (!hosts.TryGetValue(reference.Name, out var names))
                {
                    hosts[reference.Name] = names = [];
                    order.Add(reference.Name);
                }

                // Two listeners (say ports 443 and 8443) may serve one hostname from one Secret; name it once.
                if (!names.Contains(listener.Hostname!, StringComparer.Ordinal))
                {
                    names.Add(listener.Hostname!);
                }
            }
        }

        return ([.. order.Select(n => new IngressTlsEntry(n, [.. hosts[n].Where(h => !AddressRules.IsIp(h))], [.. hosts[n].Where(AddressRules.IsIp)]))], skipped);
    }

    /// <summary>Every Secret any listener names, usable or not: a Certificate for one of them is never stale.</summary>
    public static IEnumerable<string> SecretNames(Gateway gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        return (gateway.Spec.Listeners ?? []).SelectMany(l => l.Tls?.CertificateRefs ?? []).Select(r => r.Name);
    }

    /// <summary>HTTPS and TLS, or one of <paramref name="extra"/>; compared case-sensitively, as the protocol field is.</summary>
    public static bool IsTlsProtocol(string? protocol, IReadOnlyCollection<string> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        return protocol is not null && (TlsProtocols.Contains(protocol, StringComparer.Ordinal) || extra.Contains(protocol, StringComparer.Ordinal));
    }

    /// <summary>Whether `cert-manager.io/ignore-tls-listeners` (comma-separated, each trimmed) names the listener exactly.</summary>
    public static bool IsIgnored(IReadOnlyDictionary<string, string>? annotations, string listenerName) =>
        annotations?.GetValueOrDefault(IngressAnnotations.IgnoreTlsListeners) is { } ignored
        && ignored.Split(',').Any(n => n.Trim() == listenerName);

    /// <summary>cert-manager's validateGatewayListenerBlock, in its words, plus a DNS name check on the hostname and the fix for each.</summary>
    public static List<string> Problems(GatewayListener listener, int index, string? gatewayNamespace)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var path = $"spec.listeners[{index}]";
        var problems = new List<string>();
        if (listener.Hostname is not { Length: > 0 } hostname)
        {
            problems.Add($"{path}.hostname: Required value: the hostname cannot be empty; set it to the name the certificate should cover");
        }
        else if (DnsNameRules.Problem(hostname) is { } problem)
        {
            problems.Add($"{path}.hostname: {problem}");
        }

        if (listener.Tls is not { } tls)
        {
            problems.Add($"{path}.tls: Required value: the TLS block cannot be empty; add tls with mode Terminate and a certificateRefs entry naming the Secret");
            return problems;
        }

        problems.AddRange(ReferenceProblems(tls.CertificateRefs ?? [], $"{path}.tls.certificateRef", gatewayNamespace));
        if (tls.Mode is null)
        {
            problems.Add($"{path}.tls.mode: Required value: the mode field is required; set it to Terminate");
        }
        else if (tls.Mode != Terminate)
        {
            problems.Add($"{path}.tls.mode: Unsupported value: \"{tls.Mode}\": supported values: \"{Terminate}\"");
        }

        return problems;
    }

    private static IEnumerable<string> ReferenceProblems(List<SecretObjectReference> references, string path, string? gatewayNamespace)
    {
        if (references.Count == 0)
        {
            yield return $"{path}: Required value: listener has no certificateRefs; name the Secret the certificate should be stored in";
        }

        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i];
            if (reference.Group is { Length: > 0 } group && group != "core")
            {
                yield return $"{path}[{i}].group: Unsupported value: \"{group}\": supported values: \"core\", \"\"";
            }

            if (reference.Kind is { Length: > 0 } kind && kind != "Secret")
            {
                yield return $"{path}[{i}].kind: Unsupported value: \"{kind}\": supported values: \"Secret\", \"\"";
            }

            if (reference.Namespace is { } ns && ns != gatewayNamespace)
            {
                yield return $"{path}[{i}].namespace: Invalid value: \"{ns}\": cross-namespace secret references are not allowed in listeners; "
                    + "remove namespace so the Secret is made in the Gateway's namespace";
            }
        }
    }
}
