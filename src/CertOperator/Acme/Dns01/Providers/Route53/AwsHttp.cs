using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CertOperator.Acme.Dns01.Providers.Common;

namespace CertOperator.Acme.Dns01.Providers.Route53;

/// <summary>Sends one AWS query or REST-XML call, signed with SigV4 when credentials are given, and parses the XML answer.</summary>
internal sealed class AwsHttp(HttpClient http, TimeProvider time)
{
    public async Task<XDocument> SendAsync(
        string call, HttpMethod method, Uri uri, HttpContent? content, AwsCredentials? credentials, string region, string service, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        var body = content is null ? [] : await content.ReadAsByteArrayAsync(ct);
        if (credentials is not null)
        {
            SigV4Signer.Sign(request, body, credentials, region, service, time.GetUtcNow());
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new DnsProviderException($"{call}: {uri.GetLeftPart(UriPartial.Authority)} unreachable: {e.Message}", inner: e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var document = Parse(text);
            if (!response.IsSuccessStatusCode)
            {
                var (code, message) = Route53Xml.Error(document);
                throw new AwsApiException(call, response.StatusCode, code, message, RetryAfter.From(response.Headers, time));
            }

            return document ?? throw new DnsProviderException($"{call}: the answer is not XML");
        }
    }

    public static HttpContent Xml(XDocument document) =>
        new StringContent(document.Declaration + document.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, new MediaTypeHeaderValue("text/xml"));

    private static XDocument? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : XDocument.Parse(text);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
