using System.CommandLine;
using CertOperator.Hosting;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes.Configuration;
using Microsoft.Extensions.Hosting;

namespace CertOperator.Cli;

/// <summary>`run`: the operator itself.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var podNamespace = Environment.GetEnvironmentVariable("POD_NAMESPACE");
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path to a kubeconfig (default: in-cluster, then $KUBECONFIG, then ~/.kube/config)" };
        var context = new Option<string?>("--context") { Description = "kubeconfig context to use (default: current-context)" };
        var concurrency = new Option<int>("--concurrency") { Description = "Workers per controller", DefaultValueFactory = _ => 5 };
        var kubeApiQps = new Option<double>("--kube-api-qps")
        {
            Description = "Kubernetes API requests per second, shared by all controllers",
            DefaultValueFactory = _ => 100,
        };
        var kubeApiBurst = new Option<int>("--kube-api-burst")
        {
            Description = "Kubernetes API requests allowed in a burst above --kube-api-qps",
            DefaultValueFactory = _ => 200,
        };
        kubeApiQps.Validators.Add(r => { if (r.GetValueOrDefault<double>() <= 0) r.AddError("--kube-api-qps must be greater than 0"); });
        kubeApiBurst.Validators.Add(r => { if (r.GetValueOrDefault<int>() <= 0) r.AddError("--kube-api-burst must be greater than 0"); });
        var leaderElect = new Option<bool>("--leader-elect") { Description = "Run workers only while holding the leader Lease", DefaultValueFactory = _ => true };
        var leaderElection = new LeaderElectionFlags();
        var leaseNamespace = new Option<string>("--leader-election-namespace")
        {
            Description = "Namespace of the leader-election Lease (default: $POD_NAMESPACE, else kube-system)",
            DefaultValueFactory = _ => podNamespace ?? "kube-system",
        };
        var clusterResourceNamespace = new Option<string>("--cluster-resource-namespace")
        {
            Description = "Namespace holding ClusterIssuers' Secrets (default: $POD_NAMESPACE, else cert-manager)",
            DefaultValueFactory = _ => podNamespace ?? "cert-manager",
        };
        var logFormat = new Option<string>("--log-format", "--logging-format") { Description = "text or json (one object per line)", DefaultValueFactory = _ => "text" };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var verbosity = new Option<int>("-v", "--v")
        {
            Description = "Log verbosity like cert-manager's: 0 errors, 1 warnings, 2 info, 4 debug, 5 trace",
            DefaultValueFactory = _ => LogVerbosity.Default,
        };
        var listen = new ListenFlags();
        var maxChallenges = new Option<int>("--max-concurrent-challenges") { Description = "Most ACME challenges presented at once", DefaultValueFactory = _ => 60 };
        var dnsServers = new Option<string?>("--dns01-recursive-nameservers")
        {
            Description = "Comma-separated host:port nameservers for DNS-01 propagation checks (default: the zone's authoritative nameservers)",
        };
        var clusterIssuerAmbient = new Option<bool>("--cluster-issuer-ambient-credentials")
        {
            Description = "Let ClusterIssuers' DNS-01 providers use the operator's ambient cloud credentials (instance metadata, workload identity)",
            DefaultValueFactory = _ => true,
        };
        var issuerAmbient = new Option<bool>("--issuer-ambient-credentials")
        {
            Description = "Let namespaced Issuers' DNS-01 providers use the operator's ambient cloud credentials",
        };
        var providerEndpoints = new Option<string[]>("--dns01-provider-endpoint")
        {
            Description = "provider=URL: send a DNS-01 provider's API calls to URL instead of its public endpoint (e.g. route53=https://localstack:4566); repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        var solverImage = new Option<string>("--acme-http01-solver-image") { Description = "Image of HTTP-01 solver pods", DefaultValueFactory = _ => "certoperator:dev" };
        var selfCheckHost = new Option<string?>("--acme-http01-self-check-host")
        {
            Description = "Connect HTTP-01 self-checks to this host instead of the challenge's domain (split-horizon or local setups)",
        };
        var selfCheckPort = new Option<int>("--acme-http01-self-check-port") { Description = "Port of HTTP-01 self-checks", DefaultValueFactory = _ => 80 };
        var defaultIssuerName = new Option<string?>("--default-issuer-name")
        {
            Description = "Issuer for Ingresses annotated only kubernetes.io/tls-acme: \"true\" (default: none; such Ingresses get a Warning event)",
        };
        var defaultIssuerKind = new Option<string>("--default-issuer-kind") { Description = "Kind of the default issuer", DefaultValueFactory = _ => "Issuer" };
        var enableCaInjector = new Option<bool>("--enable-ca-injector")
        {
            Description = "Inject CAs into webhook configurations, CRDs and APIServices annotated cert-manager.io/inject-ca-from(-secret) or inject-apiserver-ca",
            DefaultValueFactory = _ => true,
        };
        var defaultIssuerGroup = new Option<string>("--default-issuer-group") { Description = "API group of the default issuer", DefaultValueFactory = _ => "cert-manager.io" };
        var autoCertificateAnnotations = new Option<string>("--auto-certificate-annotations")
        {
            Description = "Comma-separated Ingress annotations that, set to true, make the ingress shim issue with the default issuer",
            DefaultValueFactory = _ => "kubernetes.io/tls-acme",
        };
        var extraCertificateAnnotations = new Option<string>("--extra-certificate-annotations")
        {
            Description = "Comma-separated Ingress annotations the ingress shim copies onto the Certificates it creates",
            DefaultValueFactory = _ => "",
        };

        var enableGatewayApi = new Option<bool>("--enable-gateway-api")
        {
            Description = "Watch gateway.networking.k8s.io/v1 Gateways and keep Certificates for annotated ones (needs the Gateway API CRDs)",
        };
        var gatewayApiExtraProtocols = new Option<string>("--gateway-api-extra-protocols")
        {
            Description = "Comma-separated Gateway listener protocols besides HTTPS and TLS whose certificateRefs get Certificates",
            DefaultValueFactory = _ => "",
        };

        var command = new Command("run", "Run the operator against the cluster in the kubeconfig (or in-cluster)")
        {
            kubeconfig, context, concurrency, kubeApiQps, kubeApiBurst, leaderElect, leaseNamespace, clusterResourceNamespace, logFormat, verbosity,
            maxChallenges, dnsServers, clusterIssuerAmbient, issuerAmbient, providerEndpoints, solverImage, selfCheckHost, selfCheckPort,
            defaultIssuerName, defaultIssuerKind, defaultIssuerGroup, autoCertificateAnnotations, extraCertificateAnnotations,
        };
        foreach (var option in leaderElection.All.Concat(listen.All))
        {
            command.Options.Add(option);
        }

        command.Options.Add(enableCaInjector);
        var featureGates = new Option<string>("--feature-gates")
        {
            Description = $"cert-manager's feature gates, e.g. {FeatureGates.AcmeUseAriName}=true (ACME Renewal Information, RFC 9773; off by default as in cert-manager 1.21)",
            DefaultValueFactory = _ => "",
        };
        command.Options.Add(featureGates);
        command.Options.Add(enableGatewayApi);
        command.Options.Add(gatewayApiExtraProtocols);

        command.SetAction(async (parse, ct) =>
        {
            SystemTrustStore.LoadInBackground();
            if (leaderElection.Get(parse, out var timingError) is not { } timings)
            {
                await Console.Error.WriteLineAsync($"run: {timingError}");
                return 2;
            }

            if (ProviderEndpoints.Parse(parse.GetValue(providerEndpoints) ?? [], out var endpointError) is not { } endpoints)
            {
                await Console.Error.WriteLineAsync($"run: --dns01-provider-endpoint: {endpointError}");
                return 2;
            }

            if (FeatureGates.Parse(parse.GetValue(featureGates), out var gateError) is not { } gates)
            {
                await Console.Error.WriteLineAsync($"run: --feature-gates: {gateError}");
                return 2;
            }

            foreach (var ignored in gates.Ignored)
            {
                await Console.Error.WriteLineAsync($"run: --feature-gates: {ignored} changes nothing in CertOperator");
            }

            var settings = new RunSettings
            {
                Kubeconfig = parse.GetValue(kubeconfig),
                Context = parse.GetValue(context),
                Concurrency = parse.GetValue(concurrency),
                KubeApiQps = parse.GetValue(kubeApiQps),
                KubeApiBurst = parse.GetValue(kubeApiBurst),
                LeaderElect = parse.GetValue(leaderElect),
                LeaderElectionNamespace = parse.GetValue(leaseNamespace)!,
                LeaderElectionLeaseDuration = timings.LeaseDuration,
                LeaderElectionRenewDeadline = timings.RenewDeadline,
                LeaderElectionRetryPeriod = timings.RetryPeriod,
                ClusterResourceNamespace = parse.GetValue(clusterResourceNamespace)!,
                LogFormat = parse.GetValue(logFormat)!,
                LogVerbosity = parse.GetValue(verbosity),
                MetricsListenAddress = listen.MetricsEndpoint(parse),
                HealthListenAddress = listen.HealthEndpoint(parse),
                MaxConcurrentChallenges = parse.GetValue(maxChallenges),
                Dns01RecursiveNameservers = CommaList(parse.GetValue(dnsServers)),
                ClusterIssuerAmbientCredentials = parse.GetValue(clusterIssuerAmbient),
                IssuerAmbientCredentials = parse.GetValue(issuerAmbient),
                Dns01ProviderEndpoints = endpoints,
                SolverImage = parse.GetValue(solverImage)!,
                Http01SelfCheckHost = parse.GetValue(selfCheckHost),
                Http01SelfCheckPort = parse.GetValue(selfCheckPort),
                DefaultIssuerName = parse.GetValue(defaultIssuerName),
                DefaultIssuerKind = parse.GetValue(defaultIssuerKind)!,
                DefaultIssuerGroup = parse.GetValue(defaultIssuerGroup)!,
                AutoCertificateAnnotations = CommaList(parse.GetValue(autoCertificateAnnotations)),
                ExtraCertificateAnnotations = CommaList(parse.GetValue(extraCertificateAnnotations)),
                EnableCaInjector = parse.GetValue(enableCaInjector),
                FeatureGates = gates,
                EnableGatewayApi = parse.GetValue(enableGatewayApi),
                GatewayApiExtraProtocols = CommaList(parse.GetValue(gatewayApiExtraProtocols)),
            };
            try
            {
                await using var app = OperatorHost.Build(settings);
                await app.StartAsync(ct);
                await app.WaitForShutdownAsync(ct);
                return 0;
            }
            catch (KubernetesConfigurationException e)
            {
                await Console.Error.WriteLineAsync($"run: {e.Message}");
                return 3;
            }
        });
        return command;
    }

    private static string[] CommaList(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
