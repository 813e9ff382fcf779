using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace CertOperator.Tests.Acme.Dns01.Providers.Fakes;

/// <summary>
/// Route53 (2013-04-01 REST/XML) and STS (query API) as documented for the calls the operator makes: every request's
/// SigV4 signature is recomputed and a wrong one refused with AWS's error XML; ListHostedZonesByName pages by
/// <see cref="PageSize"/>; multivalue TXT record sets are kept per set identifier. STS answers under `/sts/`.
/// </summary>
public sealed class Route53Fake : ProviderFake
{
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";
    private static readonly XNamespace StsNs = "https://sts.amazonaws.com/doc/2011-06-15/";
    private readonly ConcurrentDictionary<string, (string Secret, string? SessionToken)> _keys = new();
    private readonly List<(string Id, string Name, bool Private)> _zones = [];
    private readonly ConcurrentDictionary<(string Zone, string Name, string SetId), string> _sets = new();
    private int _changes;

    public int PageSize { get; set; } = 100;

    /// <summary>Roles AssumeRole and AssumeRoleWithWebIdentity grant, and the web identity token the latter accepts.</summary>
    public HashSet<string> Roles { get; } = [];

    public string? WebIdentityToken { get; set; }

    /// <summary>Whether throttling answers HTTP 429 with Retry-After instead of Route53's 400 `Throttling`.</summary>
    public bool ThrottleWith429 { get; set; }

    public List<string> AssumedRoles { get; } = [];

    public Uri StsUri => new(BaseUri, "sts/");

    public static async Task<Route53Fake> StartAsync(string accessKeyId, string secretAccessKey)
    {
        var fake = new Route53Fake();
        fake._keys[accessKeyId] = (secretAccessKey, null);
        await fake.ListenAsync();
        return fake;
    }

    public string AddZone(string name, bool privateZone = false)
    {
        var id = $"Z{_zones.Count + 1:D4}{(privateZone ? "P" : "")}";
        _zones.Add((id, name.TrimEnd('.') + ".", privateZone));
        return id;
    }

    /// <summary>A record set someone else made at the name (its own set identifier).</summary>
    public Task SeedAsync(string zoneId, string fqdn, string value)
    {
        _sets[(zoneId, fqdn, $"\"{value}\"")] = $"\"{value}\"";
        return SyncAsync(fqdn);
    }

    protected override async Task HandleAsync(HttpContext context, string body)
    {
        var path = context.Request.Path.Value ?? "";
        var sts = path.StartsWith("/sts", StringComparison.Ordinal);
        var form = sts ? System.Web.HttpUtility.ParseQueryString(body) : null;
        if (form?["Action"] == "AssumeRoleWithWebIdentity")
        {
            await WebIdentityAsync(context, form);
            return;
        }

        if (SigV4Verifier.Verify(context, body, sts ? "sts" : "route53", id => _keys.TryGetValue(id, out var k) ? k : null) is { } code)
        {
            await ErrorAsync(context, 403, code, code == "InvalidClientTokenId"
                ? "The security token included in the request is invalid."
                : "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
            return;
        }

        if (sts)
        {
            await AssumeRoleAsync(context, form!);
            return;
        }

        if (ThrottleNext > 0)
        {
            ThrottleNext--;
            if (ThrottleWith429)
            {
                context.Response.Headers.RetryAfter = "7";
                await ErrorAsync(context, 429, "Throttling", "Rate exceeded");
            }
            else
            {
                await ErrorAsync(context, 400, "Throttling", "Rate exceeded");
            }

            return;
        }

        if (path == "/2013-04-01/hostedzonesbyname" && context.Request.Method == "GET")
        {
            await ListZonesAsync(context);
        }
        else if (path.StartsWith("/2013-04-01/hostedzone/", StringComparison.Ordinal) && path.EndsWith("/rrset", StringComparison.Ordinal) && context.Request.Method == "POST")
        {
            await ChangeAsync(context, path.Split('/')[3], XDocument.Parse(body));
        }
        else if (path.StartsWith("/2013-04-01/change/", StringComparison.Ordinal))
        {
            await WriteXmlAsync(context, 200, new XElement(Ns + "GetChangeResponse", ChangeInfo(path.Split('/')[3], "INSYNC")));
        }
        else
        {
            await ErrorAsync(context, 404, "UnknownOperationException", $"no route for {path}");
        }
    }

    private async Task ListZonesAsync(HttpContext context)
    {
        var dnsName = context.Request.Query["dnsname"].ToString().TrimEnd('.') + ".";
        var startId = context.Request.Query["hostedzoneid"].ToString();
        var ordered = _zones.OrderBy(z => Reversed(z.Name), StringComparer.Ordinal).ThenBy(z => z.Id, StringComparer.Ordinal).ToList();
        var from = ordered.FindIndex(z => string.CompareOrdinal(Reversed(z.Name), Reversed(dnsName)) >= 0 && (startId.Length == 0 || z.Name != dnsName || string.CompareOrdinal(z.Id, startId) >= 0));
        var rest = from < 0 ? [] : ordered[from..];
        var page = rest.Take(PageSize).ToList();
        var next = rest.Skip(PageSize).FirstOrDefault();
        await WriteXmlAsync(context, 200, new XElement(Ns + "ListHostedZonesByNameResponse",
            new XElement(Ns + "HostedZones", page.Select(z => new XElement(Ns + "HostedZone",
                new XElement(Ns + "Id", "/hostedzone/" + z.Id),
                new XElement(Ns + "Name", z.Name),
                new XElement(Ns + "CallerReference", z.Id),
                new XElement(Ns + "Config", new XElement(Ns + "PrivateZone", z.Private ? "true" : "false")),
                new XElement(Ns + "ResourceRecordSetCount", 2)))),
            new XElement(Ns + "DNSName", dnsName),
            new XElement(Ns + "IsTruncated", next.Id is null ? "false" : "true"),
            next.Id is null ? null : new XElement(Ns + "NextDNSName", next.Name),
            next.Id is null ? null : new XElement(Ns + "NextHostedZoneId", next.Id),
            new XElement(Ns + "MaxItems", PageSize)));
    }

    private async Task ChangeAsync(HttpContext context, string zoneId, XDocument request)
    {
        if (_zones.All(z => z.Id != zoneId))
        {
            await ErrorAsync(context, 404, "NoSuchHostedZone", $"No hosted zone found with ID: {zoneId}");
            return;
        }

        var change = request.Descendants(Ns + "Change").Single();
        var set = change.Element(Ns + "ResourceRecordSet")!;
        var name = (string)set.Element(Ns + "Name")!;
        var setId = (string?)set.Element(Ns + "SetIdentifier") ?? "";
        var value = (string)set.Descendants(Ns + "Value").Single();
        if ((string?)set.Element(Ns + "Type") != "TXT" || (string?)set.Element(Ns + "MultiValueAnswer") != "true")
        {
            await ErrorAsync(context, 400, "InvalidInput", "expected a multivalue TXT record set");
            return;
        }

        if ((string)change.Element(Ns + "Action")! == "DELETE")
        {
            if (!_sets.TryGetValue((zoneId, name, setId), out var current) || current != value)
            {
                await WriteXmlAsync(context, 400, new XElement(Ns + "InvalidChangeBatch",
                    new XElement(Ns + "Messages", new XElement(Ns + "Message", $"Tried to delete resource record set [name='{name}', type='TXT', set-identifier='{setId}'] but it was not found")),
                    new XElement(Ns + "RequestId", Guid.NewGuid())));
                return;
            }

            _sets.TryRemove((zoneId, name, setId), out _);
        }
        else
        {
            _sets[(zoneId, name, setId)] = value;
        }

        await SyncAsync(name);
        var id = $"C{Interlocked.Increment(ref _changes):D6}";
        await WriteXmlAsync(context, 200, new XElement(Ns + "ChangeResourceRecordSetsResponse", ChangeInfo(id, "PENDING")));
    }

    private async Task AssumeRoleAsync(HttpContext context, System.Collections.Specialized.NameValueCollection form)
    {
        if (form["Action"] != "AssumeRole" || !Roles.Contains(form["RoleArn"] ?? ""))
        {
            await StsErrorAsync(context, 403, "AccessDenied", $"not authorized to perform sts:AssumeRole on resource: {form["RoleArn"]}");
            return;
        }

        await IssueAsync(context, "AssumeRole", form["RoleArn"]!);
    }

    private async Task WebIdentityAsync(HttpContext context, System.Collections.Specialized.NameValueCollection form)
    {
        if (WebIdentityToken is null || form["WebIdentityToken"] != WebIdentityToken || !Roles.Contains(form["RoleArn"] ?? ""))
        {
            await StsErrorAsync(context, 400, "InvalidIdentityToken", "Couldn't retrieve verification key from your identity provider");
            return;
        }

        await IssueAsync(context, "AssumeRoleWithWebIdentity", form["RoleArn"]!);
    }

    private async Task IssueAsync(HttpContext context, string action, string role)
    {
        var id = "ASIA" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        var secret = Guid.NewGuid().ToString("N");
        var token = "session-" + Guid.NewGuid().ToString("N");
        _keys[id] = (secret, token);
        lock (AssumedRoles)
        {
            AssumedRoles.Add($"{action} {role}");
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync(new XElement(StsNs + $"{action}Response",
            new XElement(StsNs + $"{action}Result",
                new XElement(StsNs + "Credentials",
                    new XElement(StsNs + "AccessKeyId", id),
                    new XElement(StsNs + "SecretAccessKey", secret),
                    new XElement(StsNs + "SessionToken", token),
                    new XElement(StsNs + "Expiration", DateTime.UtcNow.AddHours(1).ToString("o"))))).ToString());
    }

    private Task SyncAsync(string fqdn) =>
        Txt.SetAsync(fqdn, _sets.Where(s => string.Equals(s.Key.Name, fqdn, StringComparison.OrdinalIgnoreCase)).Select(s => s.Value.Trim('"')).Order());

    private static XElement ChangeInfo(string id, string status) => new(Ns + "ChangeInfo",
        new XElement(Ns + "Id", "/change/" + id), new XElement(Ns + "Status", status), new XElement(Ns + "SubmittedAt", DateTime.UtcNow.ToString("o")));

    private static string Reversed(string name) => string.Join(".", name.TrimEnd('.').Split('.').Reverse());

    private static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteXmlAsync(context, status, new XElement(Ns + "ErrorResponse",
            new XElement(Ns + "Error", new XElement(Ns + "Type", "Sender"), new XElement(Ns + "Code", code), new XElement(Ns + "Message", message)),
            new XElement(Ns + "RequestId", Guid.NewGuid())));

    private static Task StsErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteXmlAsync(context, status, new XElement(StsNs + "ErrorResponse",
            new XElement(StsNs + "Error", new XElement(StsNs + "Type", "Sender"), new XElement(StsNs + "Code", code), new XElement(StsNs + "Message", message)),
            new XElement(StsNs + "RequestId", Guid.NewGuid())));

    private static Task WriteXmlAsync(HttpContext context, int status, XElement body) =>
        WriteAsync(context, status, "text/xml", body.ToString(SaveOptions.DisableFormatting));
}
