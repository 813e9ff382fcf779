using System.Security.Cryptography;
using CertOperator.Dns.Tsig;
using CertOperator.Dns.Wire;

namespace CertOperator.Dns.Transport;

/// <summary>One request/answer round trip: encode, sign with TSIG when a key is given, send, decode, verify.</summary>
internal sealed class DnsExchange(DnsTransport transport, TimeProvider timeProvider)
{
    public static ushort NewId() => (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);

    /// <summary>Returns the decoded answer; TSIG failures throw, RCODEs are left to the caller.</summary>
    public async Task<DnsMessage> SendAsync(DnsMessage request, NameserverAddress server, DnsProtocol protocol, TsigKey? key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bytes = DnsMessageCodec.Encode(request);
        var requestMac = Array.Empty<byte>();
        if (key is not null)
        {
            (bytes, requestMac) = TsigSigner.Sign(bytes, key, timeProvider.GetUtcNow());
        }

        var answerBytes = await transport.ExchangeAsync(bytes, server, protocol, cancellationToken).ConfigureAwait(false);
        DnsMessage answer;
        int lastRecordOffset;
        try
        {
            answer = DnsMessageCodec.Decode(answerBytes, out lastRecordOffset);
        }
        catch (FormatException e)
        {
            throw new DnsException(DnsFailure.MalformedResponse, server.ToString(), $"Nameserver {server} sent a malformed answer: {e.Message}", innerException: e);
        }

        if (!answer.IsResponse || answer.Id != request.Id)
        {
            throw new DnsException(DnsFailure.MalformedResponse, server.ToString(), $"Nameserver {server} answered with a message that is not a response to the request.");
        }

        if (key is not null)
        {
            VerifyTsig(answerBytes, answer, lastRecordOffset, key, requestMac, server);
        }

        return answer;
    }

    private void VerifyTsig(byte[] answerBytes, DnsMessage answer, int tsigOffset, TsigKey key, byte[] requestMac, NameserverAddress server)
    {
        if (answer.Tsig is null)
        {
            // Servers do not sign some early errors (e.g. FORMERR); those surface through their RCODE instead.
            if (answer.Rcode == DnsRcode.NoError)
            {
                throw new DnsException(DnsFailure.TsigRejected, server.ToString(), $"Nameserver {server} answered without a TSIG signature although the request was signed with {key}: the answer cannot be trusted.");
            }

            return;
        }

        var result = TsigSigner.Verify(answerBytes, answer, tsigOffset, key, requestMac, timeProvider.GetUtcNow());
        if (result != DnsRcode.NoError)
        {
            throw new DnsException(DnsFailure.TsigRejected, server.ToString(), DnsErrors.Describe(result, server, key, zone: null), result);
        }
    }
}
