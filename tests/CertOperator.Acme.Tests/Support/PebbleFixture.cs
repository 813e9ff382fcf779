using CertOperator.Acme;
using CertOperator.Testing.Pebble;
using Microsoft.Extensions.Logging;

namespace CertOperator.Acme.Tests.Support;

/// <summary>
/// One pebble + challtestsrv + http-01 responder per test collection, started through the harness.
/// A missing or broken pebble fails the tests (never skips them).
/// </summary>
public abstract class PebbleFixtureBase : IAsyncLifetime
{
    private PebbleEnvironment? _environment;

    public PebbleEnvironment Environment => _environment ?? throw new InvalidOperationException("Fixture not started.");

    protected virtual PebbleOptions Configure(PebbleOptions options) => options;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _environment = await PebbleEnvironment.StartAsync(Configure, startResponder: true, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_environment is not null)
        {
            await _environment.DisposeAsync();
        }
    }

    /// <summary>A client for a brand-new account key, trusting pebble's generated TLS CA.</summary>
    public IAcmeClient CreateClient(AcmeAccountKey key, Uri? accountUrl = null, ILogger? logger = null) => AcmeClientFactory.Create(new AcmeClientOptions
    {
        DirectoryUrl = Environment.Pebble.DirectoryUrl,
        AccountKey = key,
        AccountUrl = accountUrl,
        Handler = Environment.Pebble.Tls.CreateHandler(),
        Logger = logger,
    });

    /// <summary>A client whose account is already registered.</summary>
    public async Task<IAcmeClient> CreateRegisteredClientAsync(AcmeKeyAlgorithm algorithm = AcmeKeyAlgorithm.ES256, ILogger? logger = null)
    {
        var client = CreateClient(AcmeAccountKey.Create(algorithm), logger: logger);
        await client.EnsureAccountAsync(new AcmeAccountRequest { TermsOfServiceAgreed = true, Contact = ["mailto:ops@example.test"] }, CancellationToken.None);
        return client;
    }
}

/// <summary>The default instance: no nonce rejection, one alternate root hierarchy for preferred-chain tests.</summary>
public sealed class PebbleFixture : PebbleFixtureBase
{
    protected override PebbleOptions Configure(PebbleOptions options) => options with { AlternateRoots = 1 };
}

[CollectionDefinition(Name)]
public sealed class SharedPebble : ICollectionFixture<PebbleFixture>
{
    public const string Name = "pebble";
}
