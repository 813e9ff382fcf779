using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using CertOperator.Acme;
using CertOperator.Acme.Model;
using CertOperator.Kubernetes.Client;

namespace CertOperator.Tests.Acme;

public sealed class AcmeServerFailureTests
{
    private const string Server = "https://acme.test:14000/dir";
    private static readonly Uri Directory = new(Server);
    private static readonly Uri NewAccount = new("https://acme.test:14000/new-acct");

    public static TheoryData<string, Exception, string> Cases => new()
    {
        {
            "no answer to the directory request",
            new AcmeTimeoutException("GET", Directory, TimeSpan.FromSeconds(15)),
            $"the ACME server {Server} did not answer within 15s"
        },
        {
            "no answer to a later request names it",
            new AcmeTimeoutException("POST", NewAccount, TimeSpan.FromSeconds(15)),
            $"the ACME server {Server} did not answer POST {NewAccount} within 15s"
        },
        {
            "untrusted chain: the cause, not \"see inner exception\"",
            Connection(HttpRequestError.SecureConnectionError, new HttpRequestException(HttpRequestError.SecureConnectionError,
                "The SSL connection could not be established, see inner exception.",
                new AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot"))),
            $"the TLS connection to the ACME server {Server} failed: The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot"
                + " (the server's certificate does not chain to a CA in spec.acme.caBundle, or in the system trust store when that is unset)"
        },
        {
            "name mismatch",
            Connection(HttpRequestError.SecureConnectionError, new HttpRequestException(HttpRequestError.SecureConnectionError,
                "The SSL connection could not be established, see inner exception.",
                new AuthenticationException("The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch"))),
            $"the TLS connection to the ACME server {Server} failed: The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch"
                + " (the server's certificate is not for the host in spec.acme.server)"
        },
        {
            "connection refused",
            Connection(HttpRequestError.ConnectionError, new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (acme.test:14000)",
                new SocketException((int)SocketError.ConnectionRefused))),
            $"cannot connect to the ACME server {Server}: Connection refused"
        },
        {
            "unknown host",
            Connection(HttpRequestError.NameResolutionError, new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (acme.test:14000)",
                new SocketException((int)SocketError.HostNotFound, "Name or service not known"))),
            $"cannot connect to the ACME server {Server}: Name or service not known"
        },
        {
            "response cut short",
            Connection(HttpRequestError.ResponseEnded, new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.")),
            $"the request to the ACME server {Server} failed: The response ended prematurely. (ResponseEnded)"
        },
        {
            "a problem document",
            new AcmeProblemException(new AcmeProblem { Type = AcmeErrors.Unauthorized, Detail = "Account creation is disabled" }, HttpStatusCode.Forbidden, null),
            $"the ACME server {Server} answered: Account creation is disabled"
        },
        {
            "a problem document without detail",
            new AcmeProblemException(new AcmeProblem { Type = AcmeErrors.ServerInternal }, HttpStatusCode.InternalServerError, null),
            $"the ACME server {Server} answered: urn:ietf:params:acme:error:serverInternal"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Names_the_server_and_what_happened(string name, Exception failure, string expected)
    {
        AcmeServerFailure.Covers(failure).Should().BeTrue(name);
        AcmeServerFailure.Describe(failure, Server).Should().Be(expected, name);
    }

    public static TheoryData<string, Exception> NotAcmeFailures => new()
    {
        { "a bug", new InvalidOperationException("The ACME account URL is unknown") },
        { "the Kubernetes API timing out", new TimeoutException("GET /api/v1/secrets timed out") },
        { "the Kubernetes API refusing", new KubernetesApiException("secrets is forbidden") },
        { "a connection that is not to the ACME server", new HttpRequestException("Connection refused (10.0.0.1:6443)") },
    };

    [Theory]
    [MemberData(nameof(NotAcmeFailures))]
    public void Other_failures_are_not_blamed_on_the_ACME_server(string name, Exception failure) =>
        AcmeServerFailure.Covers(failure).Should().BeFalse(name);

    private static AcmeConnectionException Connection(HttpRequestError error, Exception inner) => new("GET", Directory, error, inner);
}
