using System.CommandLine;
using System.Security.Cryptography;
using CertOperator.Acme;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;

namespace CertOperator.Cli.Verbs;

/// <summary>
/// The connection flags every cmctl-style verb shares, and the one place that turns their failures into a
/// single stderr line and a non-zero exit code instead of a stack trace.
/// </summary>
internal sealed class ClusterOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Path to a kubeconfig (default: $KUBECONFIG, then ~/.kube/config)" };

    public Option<string?> Context { get; } = new("--context") { Description = "kubeconfig context to use (default: current-context)" };

    public Option<string?> Namespace { get; } = new("--namespace", "-n") { Description = "Namespace (default: the context's namespace, else default)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        command.Options.Add(Namespace);
    }

    /// <summary>Connects with the parsed flags and runs <paramref name="body"/>; every expected failure becomes "verb: message", exit 1.</summary>
    public Func<ParseResult, CancellationToken, Task<int>> Action(string verb, Func<VerbContext, CancellationToken, Task<int>> body) =>
        async (parse, ct) =>
        {
            try
            {
                var kubeconfig = parse.GetValue(Kubeconfig);
                var configuration = KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions
                {
                    Paths = kubeconfig is null ? null : [kubeconfig],
                    Context = parse.GetValue(Context),
                });
                using var client = new KubernetesClient(configuration, new KubernetesClientOptions { MaxRetries = 1 });
                var ns = parse.GetValue(Namespace) ?? configuration.Namespace ?? "default";
                return await body(new VerbContext(client, ns, parse, Console.Out), ct);
            }
            catch (Exception e) when (e is KubernetesConfigurationException or KubernetesApiException or VerbException or AcmeProblemException
                or HttpRequestException or IOException or TimeoutException or CryptographicException or UriFormatException)
            {
                await Console.Error.WriteLineAsync($"{verb}: {e.Message}");
                return 1;
            }
        };
}

/// <summary>What a verb's body gets: a connected client, the namespace to use, the parsed command line and stdout.</summary>
internal sealed record VerbContext(KubernetesClient Kube, string Namespace, ParseResult Parse, TextWriter Out);
