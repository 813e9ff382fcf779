using System.Xml.Linq;

namespace CertOperator.Acme.Dns01.Providers.Route53;

/// <summary>AWS STS (2011-06-15 query API): AssumeRole with credentials, AssumeRoleWithWebIdentity with a token.</summary>
internal sealed class StsClient(AwsHttp aws, Uri endpoint, string region)
{
    private static readonly XNamespace Ns = "https://sts.amazonaws.com/doc/2011-06-15/";

    /// <summary>The session name cert-manager uses, so CloudTrail entries read the same after a switch.</summary>
    public const string SessionName = "cert-manager";

    public Task<AwsCredentials> AssumeRoleAsync(AwsCredentials caller, string roleArn, CancellationToken ct) =>
        CallAsync("AssumeRole", caller, [new("RoleArn", roleArn), new("RoleSessionName", SessionName)], ct);

    public Task<AwsCredentials> AssumeRoleWithWebIdentityAsync(string roleArn, string sessionName, string token, CancellationToken ct) =>
        CallAsync("AssumeRoleWithWebIdentity", null, [new("RoleArn", roleArn), new("RoleSessionName", sessionName), new("WebIdentityToken", token)], ct);

    private async Task<AwsCredentials> CallAsync(string action, AwsCredentials? caller, KeyValuePair<string, string>[] parameters, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent([new("Action", action), new("Version", "2011-06-15"), .. parameters]);
        var document = await aws.SendAsync($"sts {action}", HttpMethod.Post, endpoint, form, caller, region, "sts", ct);
        var credentials = document.Descendants(Ns + "Credentials").FirstOrDefault()
            ?? throw new DnsProviderException($"sts {action}: the answer carries no Credentials");
        return new AwsCredentials(
            (string?)credentials.Element(Ns + "AccessKeyId") ?? "",
            (string?)credentials.Element(Ns + "SecretAccessKey") ?? "",
            (string?)credentials.Element(Ns + "SessionToken"));
    }
}
