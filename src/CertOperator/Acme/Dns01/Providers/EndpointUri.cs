using CertOperator.Infrastructure;

namespace CertOperator.Acme.Dns01.Providers;

/// <summary>A provider's API base URL (public, or replaced by --dns01-provider-endpoint) ending in `/`, so relative paths append to it.</summary>
internal static class EndpointUri
{
    public static Uri For(OperatorOptions options, string field, Uri publicEndpoint) => WithSlash(options.Dns01Endpoint(field, publicEndpoint));

    public static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
