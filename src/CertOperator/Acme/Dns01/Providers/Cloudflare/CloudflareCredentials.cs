namespace CertOperator.Acme.Dns01.Providers.Cloudflare;

/// <summary>An API token, or a global API key with its account email. Not a record, so no generated ToString can print a secret.</summary>
internal sealed class CloudflareCredentials
{
    private readonly string? _token;
    private readonly string? _key;
    private readonly string? _email;

    private CloudflareCredentials(string? token, string? key, string? email) => (_token, _key, _email) = (token, key, email);

    public static CloudflareCredentials Token(string token) => new(token, null, null);

    public static CloudflareCredentials GlobalKey(string email, string key) => new(null, key, email);

    /// <summary>`Authorization: Bearer` for a token; `X-Auth-Email` and `X-Auth-Key` for a global key.</summary>
    public void Apply(HttpRequestMessage request)
    {
        if (_token is not null)
        {
            request.Headers.Authorization = new("Bearer", _token);
        }
        else
        {
            request.Headers.Add("X-Auth-Email", _email);
            request.Headers.Add("X-Auth-Key", _key);
        }
    }

    public override string ToString() => _token is not null ? "API token" : "global API key";
}
