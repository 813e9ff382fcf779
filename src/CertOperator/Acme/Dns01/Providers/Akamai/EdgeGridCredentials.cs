namespace CertOperator.Acme.Dns01.Providers.Akamai;

/// <summary>An Akamai API client's EdgeGrid credentials.</summary>
internal sealed record EdgeGridCredentials(string ClientToken, string ClientSecret, string AccessToken)
{
    /// <summary>Never prints the secret or the tokens.</summary>
    public override string ToString() => "EdgeGridCredentials { }";
}
