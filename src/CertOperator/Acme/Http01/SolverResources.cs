using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;
using CertOperator.Kubernetes.Model;
using k8s.Models;

namespace CertOperator.Acme.Http01;

/// <summary>
/// The Kubernetes objects that serve one HTTP-01 challenge, as pure functions of the Challenge and
/// its `http01.ingress` or `http01.gatewayHTTPRoute` solver config: a solver Pod, a Service in front of it, and
/// an Ingress or HTTPRoute route.
/// </summary>
internal static partial class SolverResources
{
    public const string SolverLabel = "acme.cert-manager.io/http01-solver";
    public const string DomainLabel = "acme.cert-manager.io/http-domain";
    public const string TokenLabel = "acme.cert-manager.io/http-token";
    public const string NamePrefix = "cm-acme-http-solver-";

    // Like Kubernetes' generateName alphabet: no vowels (no words), no look-alike characters.
    private const string SuffixAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>The name shared by the Pod, Service and Ingress; fixed per Challenge so presenting again finds them.</summary>
    public static string Name(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(challenge.Metadata.Name ?? ""));
        var suffix = new StringBuilder(5);
        for (var i = 0; i < 5; i++)
        {
            suffix.Append(SuffixAlphabet[digest[i] % SuffixAlphabet.Length]);
        }

        return NamePrefix + suffix;
    }

    /// <summary>cert-manager's labels: domain and token are hashed (Adler-32, decimal) to fit label values.</summary>
    public static Dictionary<string, string> Labels(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SolverLabel] = "true",
            [DomainLabel] = Adler32(challenge.Spec.DnsName),
            [TokenLabel] = Adler32(challenge.Spec.Token),
        };
    }

    /// <summary>A label selector matching exactly this challenge's solver objects.</summary>
    public static string LabelSelector(Challenge challenge) =>
        string.Join(',', Labels(challenge).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    public static string ChallengePath(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return AcmeSolverServer.PathPrefix + challenge.Spec.Token;
    }

    /// <summary>The controller reference that lets garbage collection remove solver objects with their Challenge.</summary>
    public static V1OwnerReference Owner(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return new V1OwnerReference
        {
            ApiVersion = Challenge.Resource.ApiVersion,
            Kind = Challenge.Resource.Kind,
            Name = challenge.Metadata.Name ?? "",
            Uid = challenge.Metadata.Uid ?? "",
            Controller = true,
            BlockOwnerDeletion = true,
        };
    }

    public static bool IsOwnedBy(IKubernetesObject obj, Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(challenge);
        return obj.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Kind == Challenge.Resource.Kind && o.Uid == challenge.Metadata.Uid) == true;
    }

    /// <summary>The challenge's `http01.ingress` config, or null when it routes through a Gateway.</summary>
    public static AcmeChallengeSolverHttp01Ingress? IngressConfig(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return challenge.Spec.Solver.Http01?.Ingress ?? (challenge.Spec.Solver.Http01?.GatewayHttpRoute is not null ? null : throw new InvalidOperationException(
            "spec.solver.http01 sets neither ingress nor gatewayHTTPRoute; the HTTP-01 solver needs one of them"));
    }

    /// <summary>The Service type and pod template of whichever route config the challenge has (ingress first, as in cert-manager).</summary>
    public static (string? ServiceType, Http01PodTemplate? PodTemplate) PodConfig(Challenge challenge) =>
        IngressConfig(challenge) is { } ingress
            ? (ingress.ServiceType, ingress.PodTemplate)
            : (challenge.Spec.Solver.Http01!.GatewayHttpRoute!.ServiceType, challenge.Spec.Solver.Http01.GatewayHttpRoute.PodTemplate);

    /// <summary>The solver Service: type from serviceType (NodePort by default, as in cert-manager), selecting the solver pod.</summary>
    public static Service Service(Challenge challenge, Http01Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (serviceType, _) = PodConfig(challenge);
        return new Service
        {
            Metadata = Metadata(challenge, Labels(challenge), new() { ["auth.istio.io/" + options.SolverServicePort] = "NONE" }),
            Spec = new V1ServiceSpec
            {
                Type = string.IsNullOrEmpty(serviceType) ? "NodePort" : serviceType,
                Selector = Labels(challenge),
                Ports = [new V1ServicePort { Name = "http", Protocol = "TCP", Port = options.SolverServicePort, TargetPort = options.SolverServicePort }],
            },
        };
    }

    private static V1ObjectMeta Metadata(Challenge challenge, Dictionary<string, string> labels, Dictionary<string, string>? annotations) => new()
    {
        Name = Name(challenge),
        NamespaceProperty = challenge.Metadata.NamespaceProperty,
        Labels = labels,
        Annotations = annotations,
        OwnerReferences = [Owner(challenge)],
    };

    /// <summary>Template entries win over built-in ones, as in cert-manager.</summary>
    private static Dictionary<string, string> Merge(Dictionary<string, string> builtIn, Dictionary<string, string>? template)
    {
        var merged = new Dictionary<string, string>(builtIn, StringComparer.Ordinal);
        foreach (var (key, value) in template ?? [])
        {
            merged[key] = value;
        }

        return merged;
    }

    private static string Adler32(string value)
    {
        const uint Modulus = 65521;
        uint a = 1, b = 0;
        foreach (var octet in Encoding.UTF8.GetBytes(value))
        {
            a = (a + octet) % Modulus;
            b = (b + a) % Modulus;
        }

        return ((b << 16) | a).ToString(CultureInfo.InvariantCulture);
    }
}
