using CertOperator.Testing.Bind;
using CertOperator.Testing.DnsFakes;

namespace CertOperator.Tests.EndToEnd.DnsProviders;

/// <summary>The store behind the provider fakes keeps TXT values as a set: adding twice keeps one, removing one keeps the others.</summary>
public sealed class BindTxtZoneTests : IAsyncLifetime
{
    private BindServer _bind = null!;

    [Fact]
    public async Task Values_are_added_once_and_removed_one_at_a_time()
    {
        var zone = new BindTxtZone(_bind);

        await zone.AddAsync("_acme-challenge.set.example.test", "first", 60, CancellationToken.None);
        await zone.AddAsync("_acme-challenge.set.example.test.", "first", 60, CancellationToken.None);
        await zone.AddAsync("_acme-challenge.set.example.test", "second", 60, CancellationToken.None);
        var both = await zone.ValuesAsync("_acme-challenge.set.example.test", CancellationToken.None);
        await zone.RemoveAsync("_acme-challenge.set.example.test", "first", CancellationToken.None);

        both.Should().BeEquivalentTo("first", "second");
        (await zone.ValuesAsync("_acme-challenge.set.example.test", CancellationToken.None)).Should().Equal("second");
    }

    public async Task InitializeAsync() => _bind = await BindServer.StartAsync(new BindOptions(), CancellationToken.None);

    public async Task DisposeAsync() => await _bind.DisposeAsync();
}
