namespace CertOperator.Cli;

/// <summary>Parses `--dns01-provider-endpoint provider=URL` values.</summary>
internal static class ProviderEndpoints
{
    /// <summary>The endpoints by provider field, or null with <paramref name="error"/> naming the bad value.</summary>
    public static IReadOnlyDictionary<string, Uri>? Parse(IEnumerable<string> values, out string? error)
    {
        var endpoints = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var separator = value.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0
                || !Uri.TryCreate(value[(separator + 1)..], UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https"))
            {
                error = $"\"{value}\" is not provider=URL with an http or https URL, e.g. route53=https://localhost:4566";
                return null;
            }

            endpoints[value[..separator]] = uri;
        }

        error = null;
        return endpoints;
    }
}
