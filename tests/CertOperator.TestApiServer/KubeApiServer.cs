using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Api;
using CertOperator.TestApiServer.Controllers;
using CertOperator.TestApiServer.Hosting;
using CertOperator.TestApiServer.Json;
using CertOperator.TestApiServer.Model;
using CertOperator.TestApiServer.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CertOperator.TestApiServer;

/// <summary>
/// An in-process Kubernetes API server over HTTPS on 127.0.0.1 with in-memory storage, for tests
/// and for the real kubectl. See README.md in this folder for how it differs from kube-apiserver.
/// </summary>
public sealed class KubeApiServer : IAsyncDisposable
{
    private readonly KubeApiServerOptions _options;
    private readonly TlsMaterial _tls;
    private readonly string _workDir;
    private ServerContext _ctx;
    private GarbageCollector _collector;
    private WebApplication? _app;
    private CancellationTokenSource _stopping = new();
    private int _port;

    private KubeApiServer(KubeApiServerOptions options)
    {
        _options = options;
        _tls = TlsMaterial.Create();
        Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        _workDir = Directory.CreateTempSubdirectory("kube-test-apiserver-").FullName;
        _ctx = NewContext(options);
        Faults = new KubeApiServerFaults(() => _ctx.Store.CloseAllWatchers());
        _collector = new GarbageCollector(_ctx);
        _port = options.Port;
    }

    public Uri BaseAddress => new($"https://127.0.0.1:{_port}/");

    public string Token { get; }

    public string CaCertificatePem => _tls.CaPem;

    public X509Certificate2 CaCertificate => _tls.CaCertificate;

    public KubeApiServerFaults Faults { get; }

    /// <summary>Every request answered, by verb, resource and status code.</summary>
    public RequestCounter Requests { get; } = new();

    /// <summary>A kubeconfig for this server, written at start; <see cref="RunKubectlAsync"/> uses it.</summary>
    public string KubeconfigPath => Path.Combine(_workDir, "kubeconfig");

    public static async Task<KubeApiServer> StartAsync(KubeApiServerOptions? options = null, CancellationToken ct = default)
    {
        var server = new KubeApiServer(options ?? new KubeApiServerOptions());
        try
        {
            server.LoadCrdDirectory();
            await server.StartHostAsync(ct);
            server.WriteKubeconfig(server.KubeconfigPath);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public void WriteKubeconfig(string path) => Kubeconfig.Write(path, BaseAddress, CaCertificatePem, Token);

    /// <summary>An HttpClient trusting this server's CA and sending its bearer token.</summary>
    public HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && ChainsToCa(certificate);
        return new HttpClient(handler) { BaseAddress = BaseAddress, DefaultRequestHeaders = { Authorization = new("Bearer", Token) } };
    }

    /// <summary>Runs the real kubectl against this server with a fresh discovery cache.</summary>
    public Task<(int ExitCode, string StdOut, string StdErr)> RunKubectlAsync(params string[] args) =>
        KubectlRunner.RunAsync(KubeconfigPath, _workDir, args, CancellationToken.None);

    /// <summary>Stops and starts the listener on the same port; open watches end. Without storage everything is reset.</summary>
    public async Task RestartAsync(bool keepStorage, CancellationToken ct)
    {
        await StopHostAsync();
        if (!keepStorage)
        {
            await _collector.DisposeAsync();
            _ctx = NewContext(_options);
            _collector = new GarbageCollector(_ctx);
            LoadCrdDirectory();
        }

        await StartHostAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await _collector.DisposeAsync();
        _stopping.Dispose();
        _tls.Dispose();
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
            // A kubectl child may still hold a cache file; the temp folder is cleaned by the OS later.
        }
    }

    private static ServerContext NewContext(KubeApiServerOptions options)
    {
        var ctx = new ServerContext(new ObjectStore(options.WatchHistoryWindow), new ResourceRegistry(), options.Clock);
        var service = new ResourceService(ctx);
        foreach (var name in new[] { "default", "kube-system", "kube-public" })
        {
            service.Create(BuiltInTypes.Namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } }, SystemWrite());
        }

        return ctx;
    }

    private static WriteOptions SystemWrite() => new("kube-apiserver", "Ignore", Force: false, ManagerGiven: true);

    private void LoadCrdDirectory()
    {
        var service = new ResourceService(_ctx);
        var files = new[] { _options.CrdDirectory }.OfType<string>().Concat(_options.MoreCrdDirectories).SelectMany(dir => Directory.EnumerateFiles(dir)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            foreach (var doc in YamlToJson.ParseDocuments(File.ReadAllText(file)).OfType<JsonObject>())
            {
                if (JsonNodes.Str(doc, "kind") == "CustomResourceDefinition")
                {
                    service.Create(BuiltInTypes.Crds, null, doc, SystemWrite());
                }
            }
        }
    }

    private async Task StartHostAsync(CancellationToken ct)
    {
        _stopping = new CancellationTokenSource();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
            kestrel.Listen(IPAddress.Loopback, _port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(_tls.ServingCertificate);
            });
        });
        var app = builder.Build();
        var dispatcher = new ApiDispatcher(() => _ctx, Token, Faults, Requests, _options.BookmarkInterval, _stopping.Token);
        app.Run(dispatcher.HandleAsync);
        await app.StartAsync(ct);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _port = new Uri(address).Port;
    }

    private async Task StopHostAsync()
    {
        if (_app is not { } app)
        {
            return;
        }

        _app = null;
        _ctx.Store.CloseAllWatchers();
        await _stopping.CancelAsync();
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        _stopping.Dispose();
    }

    private bool ChainsToCa(X509Certificate certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_tls.CaCertificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
