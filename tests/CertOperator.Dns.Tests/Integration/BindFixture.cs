using CertOperator.Testing.Bind;

namespace CertOperator.Dns.Tests.Integration;

/// <summary>One named per test class: a key for each TSIG algorithm and a CNAME for cnameStrategy Follow.</summary>
public sealed class BindFixture : IAsyncLifetime
{
    private BindServer? _server;

    public BindServer Server => _server ?? throw new InvalidOperationException("named has not started.");

    public TsigKey Key(string bindAlgorithm = "hmac-sha256")
    {
        var key = Server.Keys.Single(k => k.Algorithm == bindAlgorithm);
        return new TsigKey(key.Name, TsigAlgorithm.Parse(key.Algorithm), key.Secret);
    }

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _server = await BindServer.StartAsync(
            new BindOptions
            {
                KeyAlgorithms = ["hmac-sha256", "hmac-md5", "hmac-sha1", "hmac-sha512"],
                ExtraRecords = ["_acme-challenge.alias IN CNAME _acme-challenge.target"],
            },
            timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
