using CertOperator.Acme.Model;
using CertOperator.Acme.Tests.Support;

namespace CertOperator.Acme.Tests.Integration;

[Collection(SharedPebble.Name)]
public sealed class AccountTests(PebbleFixture fixture)
{
    [Fact]
    public async Task Lookup_with_onlyReturnExisting_finds_nothing_for_an_unregistered_key()
    {
        using var client = fixture.CreateClient(AcmeAccountKey.Create());

        var account = await client.LookupAccountAsync(Timeout());

        account.Should().BeNull();
        client.AccountUrl.Should().BeNull();
    }

    [Theory]
    [InlineData(AcmeKeyAlgorithm.ES256)]
    [InlineData(AcmeKeyAlgorithm.ES384)]
    [InlineData(AcmeKeyAlgorithm.RS256)]
    public async Task Ensure_registers_once_and_lookup_returns_the_same_account(AcmeKeyAlgorithm algorithm)
    {
        using var key = AcmeAccountKey.Create(algorithm);
        using var first = fixture.CreateClient(key);
        using var second = fixture.CreateClient(key);
        var request = new AcmeAccountRequest { TermsOfServiceAgreed = true, Contact = ["mailto:a@example.test"] };

        var created = await first.EnsureAccountAsync(request, Timeout());
        var again = await first.EnsureAccountAsync(request, Timeout());
        var found = await second.LookupAccountAsync(Timeout());

        created.Status.Should().Be(AcmeStatus.Valid);
        again.Url.Should().Be(created.Url);
        found!.Url.Should().Be(created.Url);
        second.AccountUrl.Should().Be(created.Url);
    }

    [Fact]
    public async Task Contact_update_replaces_the_contacts()
    {
        using var client = await fixture.CreateRegisteredClientAsync();

        var updated = await client.UpdateContactAsync(["mailto:new@example.test"], Timeout());

        updated.Contact.Should().Equal("mailto:new@example.test");
    }

    [Fact]
    public async Task Key_rollover_moves_the_account_to_the_new_key()
    {
        using var oldKey = AcmeAccountKey.Create(AcmeKeyAlgorithm.ES256);
        using var newKey = AcmeAccountKey.Create(AcmeKeyAlgorithm.RS256);
        using var client = fixture.CreateClient(oldKey);
        var account = await client.EnsureAccountAsync(new AcmeAccountRequest { TermsOfServiceAgreed = true }, Timeout());

        await client.ChangeKeyAsync(newKey, Timeout());

        using var withOld = fixture.CreateClient(oldKey);
        using var withNew = fixture.CreateClient(newKey);
        (await withOld.LookupAccountAsync(Timeout())).Should().BeNull();
        (await withNew.LookupAccountAsync(Timeout()))!.Url.Should().Be(account.Url);
        var order = await client.CreateOrderAsync(new AcmeOrderRequest { Identifiers = [AcmeIdentifier.Dns(Issuance.UniqueName("rolled"))] }, Timeout());
        order.Status.Should().Be(AcmeStatus.Pending, "the client keeps working, now signing with the new key");
    }

    [Fact]
    public async Task Requests_before_the_account_is_known_fail_clearly()
    {
        using var client = fixture.CreateClient(AcmeAccountKey.Create());

        var act = () => client.CreateOrderAsync(new AcmeOrderRequest { Identifiers = [AcmeIdentifier.Dns("x.example.test")] }, Timeout());

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*EnsureAccountAsync*");
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
