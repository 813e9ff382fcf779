namespace CertOperator.Acme.Model;

/// <summary>ACME error type URNs (RFC 8555 §6.7) the client or its callers act on.</summary>
public static class AcmeErrors
{
    private const string Prefix = "urn:ietf:params:acme:error:";
    public const string BadNonce = Prefix + "badNonce";
    public const string RateLimited = Prefix + "rateLimited";
    public const string AccountDoesNotExist = Prefix + "accountDoesNotExist";
    public const string ExternalAccountRequired = Prefix + "externalAccountRequired";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string Malformed = Prefix + "malformed";
    public const string ServerInternal = Prefix + "serverInternal";
    public const string AlreadyRevoked = Prefix + "alreadyRevoked";

    /// <summary>RFC 9773 §7.4: the certificate named in newOrder's "replaces" has already been replaced.</summary>
    public const string AlreadyReplaced = Prefix + "alreadyReplaced";
    public const string Unknown = "about:blank";
}
