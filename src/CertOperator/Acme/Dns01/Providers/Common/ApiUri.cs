namespace CertOperator.Acme.Dns01.Providers.Common;

/// <summary>Joins an API base URL (public, or a `--dns01-provider-endpoint` override that may carry a path) and a relative path.</summary>
internal static class ApiUri
{
    public static Uri Join(Uri baseUri, string relative) => new(EndpointUri.WithSlash(baseUri), relative);
}
