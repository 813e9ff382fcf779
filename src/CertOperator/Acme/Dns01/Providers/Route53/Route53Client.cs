using CertOperator.Acme.Dns01.Providers.Common;

namespace CertOperator.Acme.Dns01.Providers.Route53;

/// <summary>The Route53 REST calls this provider makes: ListHostedZonesByName, ChangeResourceRecordSets and GetChange.</summary>
internal sealed class Route53Client(AwsHttp aws, Uri endpoint, AwsCredentials credentials)
{
    /// <summary>Route53 is a global service signed for us-east-1.</summary>
    private const string SigningRegion = "us-east-1";

    /// <summary>The id (without `/hostedzone/`) of the public hosted zone named exactly <paramref name="zoneName"/>, or null.</summary>
    public async Task<string?> FindPublicZoneAsync(string zoneName, CancellationToken ct)
    {
        string? nextName = zoneName.TrimEnd('.');
        string? nextId = null;
        while (nextName is not null)
        {
            var query = $"dnsname={SigV4Signer.Encode(nextName)}" + (nextId is null ? "" : $"&hostedzoneid={SigV4Signer.Encode(nextId)}");
            var page = Route53Xml.HostedZones(await SendAsync("ListHostedZonesByName", HttpMethod.Get, $"hostedzonesbyname?{query}", null, ct));
            // Zones come sorted by name from dnsname on: once a page passes our name, there is no match further on.
            foreach (var zone in page.Zones)
            {
                if (!SameName(zone.Name, zoneName))
                {
                    return null;
                }

                if (!zone.PrivateZone)
                {
                    return zone.Id.Replace("/hostedzone/", "", StringComparison.Ordinal);
                }
            }

            (nextName, nextId) = page.IsTruncated && page.NextDnsName is not null && SameName(page.NextDnsName, zoneName)
                ? (page.NextDnsName, page.NextHostedZoneId)
                : (null, null);
        }

        return null;
    }

    public async Task<ChangeInfo> ChangeAsync(string zoneId, string action, string fqdn, string value, int ttl, CancellationToken ct) =>
        Route53Xml.Change(await SendAsync("ChangeResourceRecordSets", HttpMethod.Post, $"hostedzone/{zoneId}/rrset",
            AwsHttp.Xml(Route53Xml.ChangeBatch(action, fqdn, value, ttl)), ct));

    public async Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken ct) =>
        Route53Xml.Change(await SendAsync("GetChange", HttpMethod.Get, $"change/{changeId.Replace("/change/", "", StringComparison.Ordinal)}", null, ct));

    private Task<System.Xml.Linq.XDocument> SendAsync(string call, HttpMethod method, string path, HttpContent? content, CancellationToken ct) =>
        aws.SendAsync($"route53 {call}", method, ApiUri.Join(endpoint, "2013-04-01/" + path), content, credentials, SigningRegion, "route53", ct);

    private static bool SameName(string a, string b) =>
        string.Equals(a.TrimEnd('.'), b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
}
