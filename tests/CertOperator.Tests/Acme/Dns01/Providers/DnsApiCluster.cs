using System.Text;
using CertOperator.Acme.Dns01;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Meta;
using CertOperator.Dns;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Configuration;
using CertOperator.Kubernetes.Model;
using CertOperator.TestApiServer;
using Microsoft.Extensions.Logging;
using k8s.Models;

namespace CertOperator.Tests.Acme.Dns01.Providers;

/// <summary>An in-process API server holding the provider's credential Secrets, a log that remembers every line, and challenge builders.</summary>
public sealed class DnsApiCluster : IAsyncLifetime
{
    public const string Ns = "team-a";

    public KubeApiServer Server { get; private set; } = null!;

    internal KubernetesClient Client { get; private set; } = null!;

    internal ListLoggerFactory Logs { get; } = new();

    public async Task InitializeAsync()
    {
        Server = await KubeApiServer.StartAsync();
        Client = new KubernetesClient(KubernetesClientConfiguration.FromKubeconfig(new KubeconfigOptions { Paths = [Server.KubeconfigPath] }));
        await Client.CreateAsync(new KubeNamespace { Metadata = new V1ObjectMeta { Name = Ns } });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    public async Task SecretAsync(string name, string key, string value)
    {
        await Client.TryDeleteAsync<Secret>(Ns, name);
        await Client.CreateAsync(new Secret { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Ns }, Data = new Dictionary<string, byte[]>() { [key] = Encoding.UTF8.GetBytes(value) } });
    }

    internal static OperatorOptions Options(string field, Uri endpoint) =>
        new() { ClusterResourceNamespace = "cert-manager", Dns01ProviderEndpoints = new Dictionary<string, Uri> { [field] = endpoint } };

    internal static DnsChallengeRecord Record(AcmeChallengeSolverDns01 dns01, string dnsName = "example.com", string key = "txt-value-0123456789abcdefghijklmnopqrstuvw", string? fqdn = null) =>
        new(new Challenge
        {
            Metadata = new V1ObjectMeta { Name = "web-1", NamespaceProperty = Ns },
            Spec = new ChallengeSpec
            {
                Url = "https://acme.test/chall/1",
                AuthorizationUrl = "https://acme.test/authz/1",
                DnsName = dnsName,
                Wildcard = true,
                Type = "DNS-01",
                Token = "tok",
                Key = key,
                Solver = new AcmeChallengeSolver { Dns01 = dns01 },
                IssuerRef = new IssuerReference { Name = "acme", Kind = "Issuer" },
            },
        }, dns01, fqdn ?? $"_acme-challenge.{dnsName}.", Ns, false);

    /// <summary>Zones are the last two labels; CNAMEs are not followed (the solver does that before providers run).</summary>
    internal sealed class FixedZones : ITxtRecordChecker
    {
        public Task<bool> IsPresentAsync(string fqdn, string expectedValue, IReadOnlyList<string> nameservers, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<string> ResolveCnameAsync(string fqdn, CancellationToken cancellationToken) => Task.FromResult(fqdn);

        public Task<string> FindZoneAsync(string fqdn, CancellationToken cancellationToken) =>
            Task.FromResult(string.Join('.', fqdn.TrimEnd('.').Split('.')[^2..]) + ".");
    }

    /// <summary>Every formatted log line and exception text, for checking that no credential leaks.</summary>
    internal sealed class ListLoggerFactory
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public ILogger<T> For<T>() => new Logger<T>(this);

        private void Add(string line)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }

        private sealed class Logger<T>(ListLoggerFactory owner) : ILogger<T>
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Add($"{logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
