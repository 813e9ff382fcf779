using System.CommandLine;
using CertOperator.Hosting;
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
        var leaderElect = new Option<bool>("--leader-elect") { Description = "Run workers only while holding the leader Lease", DefaultValueFactory = _ => true };
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
        var logFormat = new Option<string>("--log-format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var healthPort = new Option<int>("--health-port") { Description = "Port for /healthz and /readyz (0: none)", DefaultValueFactory = _ => 8081 };

        var command = new Command("run", "Run the operator against the cluster in the kubeconfig (or in-cluster)")
        {
            kubeconfig, context, concurrency, leaderElect, leaseNamespace, clusterResourceNamespace, logFormat, healthPort,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new RunSettings
            {
                Kubeconfig = parse.GetValue(kubeconfig),
                Context = parse.GetValue(context),
                Concurrency = parse.GetValue(concurrency),
                LeaderElect = parse.GetValue(leaderElect),
                LeaderElectionNamespace = parse.GetValue(leaseNamespace)!,
                ClusterResourceNamespace = parse.GetValue(clusterResourceNamespace)!,
                LogFormat = parse.GetValue(logFormat)!,
                HealthPort = parse.GetValue(healthPort),
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
}
