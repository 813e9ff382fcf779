using System.Security.Cryptography.X509Certificates;
using CertOperator.Acme.Model;
using CertOperator.Testing.Pebble;

namespace CertOperator.Acme.Tests.Support;

/// <summary>A downloaded chain parsed for assertions; validates against pebble's root from its management port.</summary>
public sealed class ChainOf : IDisposable
{
    private readonly X509Certificate2Collection _certificates;

    public ChainOf(AcmeCertificateChain chain)
    {
        _certificates = chain.ToCollection();
        _certificates.Count.Should().BeGreaterThanOrEqualTo(2, "pebble returns leaf + intermediate");
    }

    public X509Certificate2 Leaf => _certificates[0];

    public string Status { get; private set; } = string.Empty;

    public async Task<bool> BuildsToAsync(PebbleServer pebble, int rootIndex)
    {
        var rootPem = await pebble.GetRootPemAsync(rootIndex, CancellationToken.None);
        using var root = X509Certificate2.CreateFromPem(rootPem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ExtraStore.AddRange(_certificates);
        var ok = chain.Build(Leaf);
        Status = string.Join("; ", chain.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation}"));
        return ok;
    }

    public void Dispose()
    {
        foreach (var certificate in _certificates)
        {
            certificate.Dispose();
        }
    }
}
