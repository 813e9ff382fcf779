using CertOperator.Testing.Bind;

namespace CertOperator.Dns.Tests.Integration;

public class TxtPropagationCheckerTests(BindFixture bind) : IClassFixture<BindFixture>
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Asks_the_given_nameservers_and_sees_the_value_only_once_added()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        const string name = "_acme-challenge.given.example.test";
        var checker = new TxtPropagationChecker();
        string[] nameservers = [bind.Server.Nameserver];

        (await checker.IsPresentAsync(name, "given-token", nameservers, cts.Token)).Should().BeFalse();

        await Updater().AddTxtAsync(name, "given-token", 60, cts.Token);

        (await checker.IsPresentAsync(name, "given-token", nameservers, cts.Token)).Should().BeTrue();
        (await checker.IsPresentAsync(name, "other-token", nameservers, cts.Token)).Should().BeFalse();
    }

    [Fact]
    public async Task Without_nameservers_asks_the_zones_authoritative_nameservers()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        const string name = "_acme-challenge.deep.sub.example.test";
        var checker = new TxtPropagationChecker(new TxtPropagationOptions
        {
            RecursiveNameservers = [bind.Server.Nameserver],
            AuthoritativePort = bind.Server.Port,
        });

        (await checker.AuthoritativeNameserversAsync(name, cts.Token)).Should().Equal(new NameserverAddress("127.0.0.1", bind.Server.Port));
        (await checker.IsPresentAsync(name, "auth-token", [], cts.Token)).Should().BeFalse();

        await Updater().AddTxtAsync(name, "auth-token", 60, cts.Token);

        (await checker.IsPresentAsync(name, "auth-token", [], cts.Token)).Should().BeTrue();
    }

    [Fact]
    public async Task Is_false_while_any_nameserver_lacks_the_value()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        const string name = "_acme-challenge.partial.example.test";
        await using var lagging = await BindServer.StartAsync(new BindOptions(), cts.Token);
        await Updater().AddTxtAsync(name, "partial-token", 60, cts.Token);

        var present = await new TxtPropagationChecker().IsPresentAsync(name, "partial-token", [bind.Server.Nameserver, lagging.Nameserver], cts.Token);

        present.Should().BeFalse();
    }

    [Fact]
    public async Task Follows_the_challenge_names_CNAME_when_asked_to()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        var checker = new TxtPropagationChecker(new TxtPropagationOptions { RecursiveNameservers = [bind.Server.Nameserver], FollowCnames = true });

        var target = await checker.ResolveCnameAsync("_acme-challenge.alias.example.test", cts.Token);
        await Updater().AddTxtAsync(target, "cname-token", 60, cts.Token);

        target.Should().Be("_acme-challenge.target.example.test.");
        (await checker.IsPresentAsync("_acme-challenge.alias.example.test", "cname-token", [bind.Server.Nameserver], cts.Token)).Should().BeTrue();
        (await checker.ResolveCnameAsync("_acme-challenge.plain.example.test", cts.Token)).Should().Be("_acme-challenge.plain.example.test.");
    }

    [Fact]
    public async Task Lookup_reads_TXT_values_through_a_CNAME_in_the_answer()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        await Updater().AddTxtAsync("_acme-challenge.target.example.test", "via-alias", 60, cts.Token);

        var values = await new TxtLookup().QueryAsync("_acme-challenge.alias.example.test", bind.Server.Nameserver, cts.Token);

        values.Should().Contain("via-alias");
    }

    [Fact]
    public async Task Lookup_retries_over_TCP_when_the_UDP_answer_is_truncated()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        const string name = "_acme-challenge.big.example.test";
        var values = Enumerable.Range(0, 4).Select(i => new string((char)('a' + i), 200)).ToList();
        foreach (var value in values)
        {
            await Updater().AddTxtAsync(name, value, 60, cts.Token);
        }

        // Four 200-byte strings do not fit the 512 bytes of a UDP answer without EDNS, so named sets TC.
        var read = await new TxtLookup().QueryAsync(name, bind.Server.Nameserver, cts.Token);

        read.Should().BeEquivalentTo(values);
    }

    private Rfc2136Client Updater() => new(new Rfc2136Options { Nameserver = bind.Server.Nameserver, TsigKey = bind.Key() });
}
