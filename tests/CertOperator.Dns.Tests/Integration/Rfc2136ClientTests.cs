using CertOperator.Testing;

namespace CertOperator.Dns.Tests.Integration;

public class Rfc2136ClientTests(BindFixture bind) : IClassFixture<BindFixture>
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("hmac-md5", DnsProtocol.Udp)]
    [InlineData("hmac-md5", DnsProtocol.Tcp)]
    [InlineData("hmac-sha1", DnsProtocol.Udp)]
    [InlineData("hmac-sha1", DnsProtocol.Tcp)]
    [InlineData("hmac-sha256", DnsProtocol.Udp)]
    [InlineData("hmac-sha256", DnsProtocol.Tcp)]
    [InlineData("hmac-sha512", DnsProtocol.Udp)]
    [InlineData("hmac-sha512", DnsProtocol.Tcp)]
    public async Task Adds_and_removes_a_TXT_value_signed_with_each_algorithm(string algorithm, DnsProtocol protocol)
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        var name = $"_acme-challenge.{algorithm}-{protocol}.example.test".ToLowerInvariant();
        var client = Client(bind.Key(algorithm), protocol);

        await client.AddTxtAsync(name, "token-" + algorithm, 60, cts.Token);

        (await Lookup(name, cts.Token)).Should().Equal("token-" + algorithm);
        (await bind.Server.DigAsync(name, "TXT", cts.Token)).Should().Equal($"\"token-{algorithm}\"");

        await client.RemoveTxtAsync(name, "token-" + algorithm, cts.Token);

        (await Lookup(name, cts.Token)).Should().BeEmpty();
    }

    [Fact]
    public async Task Removing_one_value_leaves_the_other_challenge_in_place()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        const string name = "_acme-challenge.shared.example.test";
        var client = Client(bind.Key(), DnsProtocol.Udp);
        await client.AddTxtAsync(name, "apex-token", 60, cts.Token);
        await client.AddTxtAsync(name, "wildcard-token", 60, cts.Token);
        await client.AddTxtAsync(name, "wildcard-token", 60, cts.Token);

        await client.RemoveTxtAsync(name, "apex-token", cts.Token);

        (await Lookup(name, cts.Token)).Should().Equal("wildcard-token");
        (await bind.Server.DigAsync(name, "TXT", cts.Token)).Should().Equal("\"wildcard-token\"");
    }

    [Fact]
    public async Task Values_longer_than_255_bytes_are_split_and_read_back_whole()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        const string name = "_acme-challenge.long.example.test";
        var value = new string('v', 300);

        await Client(bind.Key(), DnsProtocol.Tcp).AddTxtAsync(name, value, 60, cts.Token);

        (await Lookup(name, cts.Token)).Should().Equal(value);
        (await bind.Server.DigAsync(name, "TXT", cts.Token)).Should().Equal($"\"{new string('v', 255)}\" \"{new string('v', 45)}\"");
    }

    [Fact]
    public async Task A_wrong_secret_is_a_BADSIG_error_that_does_not_contain_the_secret()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        const string wrongSecret = "d3JvbmctYnV0LXZhbGlkLWJhc2U2NA==";
        var key = new TsigKey(bind.Server.Key.Name, TsigAlgorithm.HmacSha256, wrongSecret);

        var add = () => Client(key, DnsProtocol.Udp).AddTxtAsync("_acme-challenge.badsig.example.test", "x", 60, cts.Token);

        var error = (await add.Should().ThrowAsync<DnsException>()).Which;
        error.Failure.Should().Be(DnsFailure.TsigRejected);
        error.Rcode.Should().Be(DnsRcode.BadSig);
        error.Message.Should().Contain("BADSIG").And.Contain("tsigSecretSecretRef").And.NotContain(wrongSecret).And.NotContain(bind.Server.Key.Secret);
    }

    [Fact]
    public async Task An_unknown_key_is_a_BADKEY_error_naming_the_key()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        var key = new TsigKey("no-such-key", TsigAlgorithm.HmacSha256, bind.Server.Key.Secret);

        var add = () => Client(key, DnsProtocol.Tcp).AddTxtAsync("_acme-challenge.badkey.example.test", "x", 60, cts.Token);

        var error = (await add.Should().ThrowAsync<DnsException>()).Which;
        error.Rcode.Should().Be(DnsRcode.BadKey);
        error.Message.Should().Contain("'no-such-key' (BADKEY)").And.Contain("tsigKeyName").And.NotContain(bind.Server.Key.Secret);
    }

    [Fact]
    public async Task A_clock_an_hour_off_is_a_BADTIME_error()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        var client = new Rfc2136Client(new Rfc2136Options { Nameserver = bind.Server.Nameserver, TsigKey = bind.Key() }, clock);

        var add = () => client.AddTxtAsync("_acme-challenge.badtime.example.test", "x", 60, cts.Token);

        (await add.Should().ThrowAsync<DnsException>()).Which.Rcode.Should().Be(DnsRcode.BadTime);
    }

    [Fact]
    public async Task An_unsigned_update_is_refused()
    {
        using var cts = new CancellationTokenSource(TestTimeout);

        var add = () => Client(null, DnsProtocol.Udp).AddTxtAsync("_acme-challenge.unsigned.example.test", "x", 60, cts.Token);

        var error = (await add.Should().ThrowAsync<DnsException>()).Which;
        error.Failure.Should().Be(DnsFailure.Rejected);
        error.Rcode.Should().Be(DnsRcode.Refused);
        error.Message.Should().Contain("REFUSED").And.Contain("example.test");
    }

    [Fact]
    public async Task A_name_outside_the_configured_zone_is_NOTZONE()
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        var client = new Rfc2136Client(new Rfc2136Options { Nameserver = bind.Server.Nameserver, TsigKey = bind.Key(), Zone = "example.test" });

        var add = () => client.AddTxtAsync("_acme-challenge.example.org", "x", 60, cts.Token);

        (await add.Should().ThrowAsync<DnsException>()).Which.Rcode.Should().Be(DnsRcode.NotZone);
    }

    [Fact]
    public async Task A_name_in_no_served_zone_is_ZoneNotFound()
    {
        using var cts = new CancellationTokenSource(TestTimeout);

        var add = () => Client(bind.Key(), DnsProtocol.Udp).AddTxtAsync("_acme-challenge.example.org", "x", 60, cts.Token);

        (await add.Should().ThrowAsync<DnsException>()).Which.Failure.Should().Be(DnsFailure.ZoneNotFound);
    }

    [Theory]
    [InlineData(DnsProtocol.Udp)]
    [InlineData(DnsProtocol.Tcp)]
    public async Task A_silent_nameserver_fails_after_bounded_attempts(DnsProtocol protocol)
    {
        using var cts = new CancellationTokenSource(TestTimeout);
        var client = new Rfc2136Client(new Rfc2136Options
        {
            Nameserver = $"127.0.0.1:{Testing.Processes.FreePort.Next()}",
            Zone = "example.test",
            Protocol = protocol,
            Timeout = TimeSpan.FromMilliseconds(200),
            Attempts = 2,
        });

        var add = () => client.AddTxtAsync("_acme-challenge.example.test", "x", 60, cts.Token);

        (await add.Should().ThrowAsync<DnsException>()).Which.Failure.Should().Be(DnsFailure.Unreachable);
    }

    private Rfc2136Client Client(TsigKey? key, DnsProtocol protocol) =>
        new(new Rfc2136Options { Nameserver = bind.Server.Nameserver, TsigKey = key, Protocol = protocol });

    private Task<IReadOnlyList<string>> Lookup(string name, CancellationToken cancellationToken) =>
        new TxtLookup().QueryAsync(name, bind.Server.Nameserver, cancellationToken);
}
