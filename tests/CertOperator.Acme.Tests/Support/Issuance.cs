using System.Security.Cryptography;
using CertOperator.Acme;
using CertOperator.Acme.Crypto;
using CertOperator.Acme.Model;
using CertOperator.Testing.Pebble;

namespace CertOperator.Acme.Tests.Support;

public enum ChallengeKind
{
    Http01,
    Dns01,
}

/// <summary>A certificate obtained end to end, with the private key it was issued for.</summary>
public sealed record IssuedCertificate(AcmeCertificateChain Chain, AcmeOrder Order, string PrivateKeyPem);

/// <summary>
/// One complete issuance against a <see cref="PebbleEnvironment"/>: order, solve every authorization
/// (http-01 via the responder, dns-01 via challtestsrv), finalize, download. Shared with the benchmark.
/// </summary>
public static class Issuance
{
    public static async Task<IssuedCertificate> IssueAsync(
        IAcmeClient client,
        PebbleEnvironment environment,
        ChallengeKind kind,
        IReadOnlyList<AcmeIdentifier> identifiers,
        CertificateKeyAlgorithm keyAlgorithm,
        CancellationToken cancellationToken,
        string? preferredChain = null)
    {
        var time = TimeProvider.System;
        var order = await client.CreateOrderAsync(new AcmeOrderRequest { Identifiers = identifiers }, cancellationToken);
        await Task.WhenAll(order.Authorizations.Select(url => AuthorizeAsync(client, environment, kind, url, cancellationToken)));
        var ready = await client.WaitForOrderAsync(order.Url!, time, cancellationToken);
        if (ready.Status != AcmeStatus.Ready)
        {
            throw new InvalidOperationException($"Order {order.Url} is {ready.Status}, not ready: {ready.Error?.Detail}");
        }

        using var key = AcmeCsr.CreatePrivateKey(keyAlgorithm);
        var finalized = await client.FinalizeAsync(ready, AcmeCsr.Create(key, identifiers), cancellationToken);
        if (finalized.Status != AcmeStatus.Valid)
        {
            finalized = await client.WaitForOrderAsync(order.Url!, time, cancellationToken);
        }

        if (finalized.Certificate is null)
        {
            throw new InvalidOperationException($"Order {order.Url} is {finalized.Status} without a certificate: {finalized.Error?.Detail}");
        }

        var chain = await client.DownloadCertificateAsync(finalized.Certificate, preferredChain, cancellationToken);
        return new IssuedCertificate(chain, finalized, key.ExportPkcs8PrivateKeyPem());
    }

    private static async Task AuthorizeAsync(
        IAcmeClient client, PebbleEnvironment environment, ChallengeKind kind, Uri authorizationUrl, CancellationToken cancellationToken)
    {
        var authorization = await client.GetAuthorizationAsync(authorizationUrl, cancellationToken);
        if (authorization.Status == AcmeStatus.Valid)
        {
            return;
        }

        var type = kind == ChallengeKind.Http01 ? "http-01" : "dns-01";
        var challenge = authorization.Challenge(type)
            ?? throw new InvalidOperationException($"{authorizationUrl} offers no {type} challenge.");
        var token = challenge.Token ?? throw new InvalidOperationException($"{challenge.Url} has no token.");
        var txtHost = "_acme-challenge." + authorization.Identifier.Value;
        if (kind == ChallengeKind.Http01)
        {
            var responder = environment.Http01 ?? throw new InvalidOperationException("The environment has no http-01 responder.");
            responder.Set(token, client.KeyAuthorization(token));
        }
        else
        {
            await environment.Dns.SetTxtAsync(txtHost, client.Dns01TxtValue(token), cancellationToken);
        }

        try
        {
            await client.AcceptChallengeAsync(challenge.Url, cancellationToken);
            var done = await client.WaitForAuthorizationAsync(authorizationUrl, TimeProvider.System, cancellationToken);
            if (done.Status != AcmeStatus.Valid)
            {
                var error = done.Challenge(type)?.Error;
                throw new InvalidOperationException($"Authorization for {authorization.Identifier.Value} is {done.Status}: {error?.Type} {error?.Detail}");
            }
        }
        finally
        {
            if (kind == ChallengeKind.Http01)
            {
                environment.Http01?.Remove(token);
            }
            else
            {
                await environment.Dns.ClearTxtAsync(txtHost, CancellationToken.None);
            }
        }
    }

    /// <summary>A fresh DNS name under a test-only TLD so repeated runs never collide.</summary>
    public static string UniqueName(string prefix) =>
        $"{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.example.test";
}
