using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Testing;
using CertOperator.Testing.Bind;
using CertOperator.Testing.GatewayApi;
using CertOperator.Testing.Kubelet;
using CertOperator.Testing.Pebble;

namespace CertOperator.Tests.EndToEnd;

/// <summary>
/// Everything ACME issuance touches, as real processes: bind9 (the RFC 2136 target, resolving every
/// test name to 127.0.0.1), pebble validating against it, the API test server, the operator, and a
/// stand-in kubelet + ingress controller that runs the solver Pods' `acmesolver` on pebble's port.
/// </summary>
public class AcmeEnvironment : IAsyncLifetime
{
    public BindServer Bind { get; private set; } = null!;

    public PebbleEnvironment Pebble { get; private set; } = null!;

    public OperatorEnvironment Cluster { get; private set; } = null!;

    public SolverKubelet Kubelet { get; private set; } = null!;

    protected virtual int NonceRejectPercent => 0;

    /// <summary>Install the Gateway API CRDs, run with --enable-gateway-api, and route challenges only through Ingresses or HTTPRoutes.</summary>
    protected virtual bool GatewayApi => false;

    /// <summary>The control plane and operator: the API test server unless a subclass runs the real kube-apiserver.</summary>
    protected virtual OperatorEnvironment NewCluster(IReadOnlyList<string> operatorArgs, IReadOnlyList<string> crds) =>
        new() { ExtraOperatorArgs = operatorArgs, PreinstalledCrds = crds };

    public async Task InitializeAsync()
    {
        Bind = await BindServer.StartAsync(new BindOptions { Zone = "example.test" }, CancellationToken.None);
        Pebble = await PebbleEnvironment.StartAsync(
            o => o with { DnsServer = Bind.Nameserver, NonceRejectPercent = NonceRejectPercent }, startResponder: false, CancellationToken.None);
        Cluster = NewCluster(
            [
                "--dns01-recursive-nameservers", Bind.Nameserver,
                "--acme-http01-self-check-host", "127.0.0.1",
                "--acme-http01-self-check-port", Pebble.HttpValidationPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. GatewayApi ? ["--enable-gateway-api"] : Array.Empty<string>(),
            ],
            GatewayApi ? [GatewayApiCrds.Directory] : []);
        await Cluster.InitializeAsync();
        Kubelet = await SolverKubelet.StartAsync(
            Cluster.Kubeconfig, Path.Combine(AppContext.BaseDirectory, "CertOperator.dll"), Pebble.HttpValidationPort, CancellationToken.None,
            GatewayApi ? SolverRouting.ByRoute : SolverRouting.ByToken);
        await Cluster.ApplyAsync($"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: tsig
              namespace: {OperatorEnvironment.ClusterResourceNamespace}
            stringData:
              tsig-secret-key: {Bind.Key.Secret}
            """);
        await Cluster.ApplyAsync(Manifests.AcmeClusterIssuer("pebble", Pebble.Pebble.DirectoryUrl.ToString(), CaBundle(), Bind.Nameserver, Bind.Key.Name, Bind.Key.Algorithm));
        await Cluster.WaitForConditionAsync("clusterissuer", "pebble", "");
    }

    /// <summary>The CA that signed pebble's HTTPS certificate, as spec.acme.caBundle wants it.</summary>
    public string CaBundle() => Convert.ToBase64String(Encoding.ASCII.GetBytes(File.ReadAllText(Pebble.Pebble.Tls.CaPemPath)));

    /// <summary>Whether tls.crt chains to pebble's root (pebble's ACME chain has no ca.crt).</summary>
    public async Task<(bool Ok, string Problems)> ChainsToPebbleRootAsync(IssuedSecret secret)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(await Pebble.Pebble.GetRootPemAsync(0, CancellationToken.None));
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        var presented = new X509Certificate2Collection();
        presented.ImportFromPem(secret.TlsCrt);
        chain.ChainPolicy.ExtraStore.AddRange(presented);
        var ok = chain.Build(secret.Leaf);
        return (ok, string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    public async Task DisposeAsync()
    {
        await Kubelet.DisposeAsync();
        await Cluster.DisposeAsync();
        await Pebble.DisposeAsync();
        await Bind.DisposeAsync();
    }
}

/// <summary>The same environment with pebble rejecting half of all nonces (PEBBLE_WFE_NONCEREJECT=50).</summary>
public sealed class NonceRejectingAcmeEnvironment : AcmeEnvironment
{
    protected override int NonceRejectPercent => 50;
}

/// <summary>The same environment with the Gateway API: its CRDs, the gateway-shim, and challenges served only through routes.</summary>
public sealed class GatewayAcmeEnvironment : AcmeEnvironment
{
    protected override bool GatewayApi => true;
}

/// <summary>The same environment on a real kube-apiserver 1.24, with the operator running as the ServiceAccount config/rbac binds.</summary>
public sealed class RealAcmeEnvironment : AcmeEnvironment
{
    public RealOperatorEnvironment RealCluster => (RealOperatorEnvironment)Cluster;

    protected override OperatorEnvironment NewCluster(IReadOnlyList<string> operatorArgs, IReadOnlyList<string> crds) =>
        new RealOperatorEnvironment { ExtraOperatorArgs = operatorArgs, PreinstalledCrds = crds };
}
