namespace CertOperator.Acme.Dns01.Providers.Route53;

/// <summary>An AWS key pair, with the session token that temporary (STS) credentials carry.</summary>
internal sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>Never prints the secret or the session token, should a record ever reach a log.</summary>
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId} }}";
}
