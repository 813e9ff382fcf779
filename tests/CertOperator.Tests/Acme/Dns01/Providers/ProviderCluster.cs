using System.Text;
using CertOperator.Acme.Dns01;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Issuers;
using CertOperator.Crds.Meta;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Model;
using CertOperator.Testing;
using k8s.Models;

namespace CertOperator.Tests.Acme.Dns01.Providers;

/// <summary>A test API server holding the credential Secrets a provider reads, and builders for its challenge records.</summary>
public sealed class ProviderCluster : IAsyncLifetime
{
    public const string Namespace = "dns";

    private TestCluster _cluster = null!;

    internal KubernetesClient Client => _cluster.Client;

    public async Task InitializeAsync() => _cluster = await TestCluster.StartWithCrdsAsync(Namespace);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    /// <summary>Creates or replaces Secret <paramref name="name"/> with string entries.</summary>
    public async Task SecretAsync(string name, params (string Key, string Value)[] entries)
    {
        var secret = new Secret
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Data = entries.ToDictionary(e => e.Key, e => Encoding.UTF8.GetBytes(e.Value)),
        };
        if (await Client.TryGetAsync<Secret>(Namespace, name) is { } existing)
        {
            secret.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
            await Client.ReplaceAsync(secret);
        }
        else
        {
            await Client.CreateAsync(secret);
        }
    }

    internal static DnsChallengeRecord Record(AcmeChallengeSolverDns01 config, string fqdn, string value, bool ambient = false) => new(
        new Challenge
        {
            Metadata = new V1ObjectMeta { Name = "c", NamespaceProperty = Namespace },
            Spec = new ChallengeSpec
            {
                Url = "https://acme.test/chall/1",
                AuthorizationUrl = "https://acme.test/authz/1",
                DnsName = fqdn.TrimEnd('.').Replace("_acme-challenge.", "", StringComparison.Ordinal),
                Type = "DNS-01",
                Token = "tok",
                Key = value,
                Solver = new AcmeChallengeSolver { Dns01 = config },
                IssuerRef = new IssuerReference { Name = "acme", Kind = "Issuer" },
            },
        },
        config,
        fqdn,
        Namespace,
        ambient);

    internal static SecretKeySelector Ref(string name, string key) => new() { Name = name, Key = key };
}
