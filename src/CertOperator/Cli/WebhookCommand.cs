using System.CommandLine;
using System.Net;
using CertOperator.Certificates.Pki;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Webhook;
using CertOperator.Webhook.Serving;
using Microsoft.Extensions.Hosting;

namespace CertOperator.Cli;

/// <summary>
/// `webhook`: the admission webhook, with cert-manager webhook's flags (--secure-port, --healthz-port,
/// --dynamic-serving-*) and our own configurations' names, whose caBundle it keeps current.
/// </summary>
internal static class WebhookCommand
{
    public static Command Create()
    {
        var podNamespace = Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? "certoperator-system";
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path to a kubeconfig (default: in-cluster, then $KUBECONFIG, then ~/.kube/config)" };
        var context = new Option<string?>("--context") { Description = "kubeconfig context to use (default: current-context)" };
        var listenAddress = new Option<string>("--listen-address") { Description = "IP address the HTTPS and health listeners bind", DefaultValueFactory = _ => "0.0.0.0" };
        var securePort = Port("--secure-port", 10250, "HTTPS port serving /validate and /mutate");
        var healthzPort = Port("--healthz-port", 6080, "Plain HTTP port serving /livez, /readyz and /healthz (0: none)");
        var secretNamespace = new Option<string>("--dynamic-serving-ca-secret-namespace") { Description = "Namespace of the CA Secret (default: $POD_NAMESPACE)", DefaultValueFactory = _ => podNamespace };
        var secretName = new Option<string>("--dynamic-serving-ca-secret-name") { Description = "Name of the CA Secret", DefaultValueFactory = _ => "certoperator-webhook-ca" };
        var dnsNames = new Option<string[]>("--dynamic-serving-dns-names", "--dns-name")
        {
            Description = "DNS names (or IP addresses) of the serving certificate; repeat or separate with commas",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [$"certoperator-webhook.{podNamespace}.svc"],
        };
        var caDuration = Duration("--dynamic-serving-ca-duration", "8760h", "Lifetime of the self-signed CA; renewed with a third left");
        var leafDuration = Duration("--dynamic-serving-leaf-duration", "168h", "Lifetime of the serving certificate; renewed with a third left");
        var propagation = Duration("--dynamic-serving-ca-propagation-delay", "1m", "How long a new CA is published before certificates it signed are served");
        var syncInterval = Duration("--dynamic-serving-sync-interval", "10s", "How often the CA Secret, caBundles and serving certificate are checked");
        var validating = new Option<string>("--validating-webhook-configuration-name") { Description = "Our ValidatingWebhookConfiguration, whose caBundle is kept current (empty: none)", DefaultValueFactory = _ => "certoperator-webhook" };
        var mutating = new Option<string>("--mutating-webhook-configuration-name") { Description = "Our MutatingWebhookConfiguration, whose caBundle is kept current (empty: none)", DefaultValueFactory = _ => "certoperator-webhook" };
        var logFormat = new Option<string>("--log-format", "--logging-format") { Description = "text or json (one object per line)", DefaultValueFactory = _ => "text" };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var verbosity = new Option<int>("-v", "--v") { Description = "Log verbosity like cert-manager's: 0 errors, 1 warnings, 2 info, 4 debug, 5 trace", DefaultValueFactory = _ => Hosting.LogVerbosity.Default };
        listenAddress.Validators.Add(r => { if (!IPAddress.TryParse(r.GetValueOrDefault<string>(), out _)) r.AddError("--listen-address must be an IP address"); });

        var command = new Command("webhook", "Serve cert-manager's validating and mutating admission webhook")
        {
            kubeconfig, context, listenAddress, securePort, healthzPort, secretNamespace, secretName, dnsNames,
            caDuration, leafDuration, propagation, syncInterval, validating, mutating, logFormat, verbosity,
        };
        command.SetAction(async (parse, ct) =>
        {
            var address = IPAddress.Parse(parse.GetValue(listenAddress)!);
            var settings = new WebhookSettings
            {
                Kubeconfig = parse.GetValue(kubeconfig),
                Context = parse.GetValue(context),
                SecureEndpoint = new IPEndPoint(address, parse.GetValue(securePort)),
                HealthEndpoint = parse.GetValue(healthzPort) is > 0 and var health ? new IPEndPoint(address, health) : null,
                Serving = new ServingIdentity
                {
                    SecretNamespace = parse.GetValue(secretNamespace)!,
                    SecretName = parse.GetValue(secretName)!,
                    DnsNames = [.. parse.GetValue(dnsNames)!.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
                    CaDuration = Read(parse.GetValue(caDuration)),
                    LeafDuration = Read(parse.GetValue(leafDuration)),
                    CaPropagationDelay = Read(parse.GetValue(propagation)),
                },
                SyncInterval = Read(parse.GetValue(syncInterval)),
                ValidatingWebhookConfiguration = parse.GetValue(validating),
                MutatingWebhookConfiguration = parse.GetValue(mutating),
                LogFormat = parse.GetValue(logFormat)!,
                LogVerbosity = parse.GetValue(verbosity),
            };
            try
            {
                await using var app = WebhookHost.Build(settings);
                await app.StartAsync(ct);
                await app.WaitForShutdownAsync(ct);
                return 0;
            }
            catch (KubernetesConfigurationException e)
            {
                await Console.Error.WriteLineAsync($"webhook: {e.Message}");
                return 3;
            }
        });
        return command;
    }

    private static TimeSpan Read(string? text) => GoDuration.TryParse(text, out var value) ? value : throw new ArgumentException($"\"{text}\" is not a duration", nameof(text));

    private static Option<int> Port(string name, int fallback, string description)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => fallback };
        option.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 0 or > 65535) r.AddError($"{name} must be from 0 to 65535"); });
        return option;
    }

    private static Option<string> Duration(string name, string fallback, string description)
    {
        var option = new Option<string>(name) { Description = $"{description} (a duration like {fallback})", DefaultValueFactory = _ => fallback };
        option.Validators.Add(r =>
        {
            if (!GoDuration.TryParse(r.GetValueOrDefault<string>(), out var value) || value <= TimeSpan.Zero)
            {
                r.AddError($"{name}: \"{r.GetValueOrDefault<string>()}\" is not a positive duration like {fallback}");
            }
        });
        return option;
    }
}
