using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Acme;
using CertOperator.Acme.Accounts;

namespace CertOperator.Tests.Acme.Accounts;

/// <summary>
/// spec.acme.caBundle and skipTLSVerify against a real TLS server: what is trusted gets through, and what is
/// not ends in a message that says why (the chain, the name), never just "see inner exception".
/// </summary>
public sealed class AcmeHttpHandlersTests : IDisposable
{
    private readonly X509Certificate2 _ca = TlsDirectoryServer.CreateCa("CertOperator test ACME CA");
    private readonly X509Certificate2 _otherCa = TlsDirectoryServer.CreateCa("Some other CA");

    [Fact]
    public async Task A_server_certificate_from_the_ca_bundle_is_trusted()
    {
        using var leaf = TlsDirectoryServer.CreateLeaf(_ca, "localhost", withLoopbackIp: true);
        await using var server = new TlsDirectoryServer(leaf, _ca);

        var directory = await FetchDirectoryAsync(server, Bundle(_ca), skipTlsVerify: false);

        directory.NewAccount.AbsolutePath.Should().Be("/new-acct");
    }

    [Fact]
    public async Task A_certificate_from_another_ca_is_refused_naming_the_chain_error()
    {
        using var leaf = TlsDirectoryServer.CreateLeaf(_ca, "localhost", withLoopbackIp: true);
        await using var server = new TlsDirectoryServer(leaf, _ca);

        var message = await FailureAsync(server, Bundle(_otherCa));

        message.Should().StartWith($"the TLS connection to the ACME server {server.DirectoryUrl} failed: ")
            .And.Contain("The remote certificate is invalid because of errors in the certificate chain: ")
            .And.EndWith("(the server's certificate does not chain to a CA in spec.acme.caBundle, or in the system trust store when that is unset)");
    }

    [Fact]
    public async Task A_certificate_for_another_name_is_refused_naming_the_mismatch()
    {
        using var leaf = TlsDirectoryServer.CreateLeaf(_ca, "acme.other.example", withLoopbackIp: false);
        await using var server = new TlsDirectoryServer(leaf, _ca);

        var message = await FailureAsync(server, Bundle(_ca));

        message.Should().Contain("RemoteCertificateNameMismatch").And.EndWith("(the server's certificate is not for the host in spec.acme.server)");
    }

    [Fact]
    public async Task The_system_store_does_not_trust_a_private_ca()
    {
        using var leaf = TlsDirectoryServer.CreateLeaf(_ca, "localhost", withLoopbackIp: true);
        await using var server = new TlsDirectoryServer(leaf, _ca);

        var message = await FailureAsync(server, caBundle: null);

        message.Should().Contain("The remote certificate is invalid because of errors in the certificate chain: ");
    }

    [Fact]
    public async Task Skip_tls_verify_trusts_anything()
    {
        using var leaf = TlsDirectoryServer.CreateLeaf(_otherCa, "acme.other.example", withLoopbackIp: false);
        await using var server = new TlsDirectoryServer(leaf, _otherCa);

        var directory = await FetchDirectoryAsync(server, Bundle(_ca), skipTlsVerify: true);

        directory.NewOrder.AbsolutePath.Should().Be("/new-order");
    }

    public void Dispose()
    {
        _ca.Dispose();
        _otherCa.Dispose();
    }

    private static string Bundle(X509Certificate2 ca) => Convert.ToBase64String(Encoding.ASCII.GetBytes(ca.ExportCertificatePem()));

    private static async Task<CertOperator.Acme.Model.AcmeDirectory> FetchDirectoryAsync(TlsDirectoryServer server, string? caBundle, bool skipTlsVerify)
    {
        using var handler = AcmeHttpHandlers.Create(caBundle, skipTlsVerify);
        using var key = AcmeAccountKey.Create();
        using var client = AcmeClientFactory.Create(new AcmeClientOptions { DirectoryUrl = server.DirectoryUrl, AccountKey = key, Handler = handler });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await client.GetDirectoryAsync(timeout.Token);
    }

    private static async Task<string> FailureAsync(TlsDirectoryServer server, string? caBundle)
    {
        var act = () => FetchDirectoryAsync(server, caBundle, skipTlsVerify: false);

        var failure = (await act.Should().ThrowAsync<AcmeConnectionException>()).Which;
        return AcmeServerFailure.Describe(failure, server.DirectoryUrl.ToString());
    }
}
